package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.SessionStore;
import io.attendance.testing.contract.CachedSamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;

/** How many commands each operation sends to Redis, counted on the client. */
class RedisReadCacheRoundTripsTest {
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private String url;
    private UnifiedJedis counted;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RedisReadCache cache;
    private SessionStore sessions;

    @BeforeEach
    void connect() {
        url = TestRedis.emptyDatabaseUrl();
        RedisUrl parsed = RedisUrl.parse(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().database(parsed.database());
        if (parsed.password() != null) {
            config.user(parsed.user()).password(parsed.password());
        }
        ConnectionProvider connections = new PooledConnectionProvider(new HostAndPort(parsed.nodes().get(0).host(), parsed.nodes().get(0).port()),
                config.build());
        CommandExecutor counting = new CommandExecutor() {
            private final DefaultCommandExecutor executor = new DefaultCommandExecutor(connections);

            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                sent.add(command.getArguments().getCommand().toString());
                return executor.executeCommand(command);
            }

            @Override
            public void close() {
                executor.close();
            }
        };
        counted = new UnifiedJedis(counting, connections, RedisProtocol.RESP2, null) {
        };
        cache = new RedisReadCache(() -> counted, Duration.ofSeconds(60), registry);
        sessions = new RedisSessionStore(() -> counted, Optional.of(cache));
    }

    @AfterEach
    void disconnect() {
        counted.close();
    }

    @Test
    void aLookupOfAnyReadIsOneScriptCallHitOrMissAndSoAreAFillAndAChange() {
        scriptsLoaded();

        CachedReads.every().forEach(this::assertOneCallPerLookupAndFill);
        assertThat(sentBy(() -> cache.employeeChanged(ADA))).as("a change").containsExactly("EVALSHA");
    }

    private <V> void assertOneCallPerLookupAndFill(CachedRead<V> read) {
        CacheKey<V> key = keyOf(read, DAY.toString());
        V value = CachedSamples.of(read.value(), 0);

        assertThat(sentBy(() -> cache.lookup(key))).as("a miss of %s", read).containsExactly("EVALSHA");
        assertThat(sentBy(() -> fill(cache.lookup(key), value)))
                .as("a miss of %s and its fill", read).containsExactly("EVALSHA", "EVALSHA");
        assertThat(sentBy(() -> assertThat(hitValue(cache.lookup(key))).isEqualTo(value)))
                .as("a hit of %s", read).containsExactly("EVALSHA");
    }

    @Test
    void aSessionCheckAndTheLookupOfItsRequestsFirstReadAreOneScriptCallForEveryRead() {
        scriptsLoaded();
        String digest = SecretToken.generate().digest();
        Instant now = Instant.now();
        sessions.open(digest, new Session(new Username("alice"), new Grant(Set.of(Role.VIEWER), Optional.empty()), now,
                now.plus(Duration.ofHours(1)), 0), IDLE);
        sessions.useAndLookUp(digest, IDLE, now, CachedReads.record(BOB, DAY));

        CachedReads.every().forEach(read -> assertOneCallPerSessionCheckAndLookup(read, digest));
    }

    private <V> void assertOneCallPerSessionCheckAndLookup(CachedRead<V> read, String digest) {
        CacheKey<V> key = keyOf(read, DAY.toString());
        V value = CachedSamples.of(read.value(), 1);
        List<SessionStore.SessionUse<V>> uses = new ArrayList<>();

        assertThat(sentBy(() -> uses.add(sessions.useAndLookUp(digest, IDLE, Instant.now(), key))))
                .as("the check and a miss of %s", read).containsExactly("EVALSHA");
        assertThat(uses.get(0).session()).isPresent();
        fill(uses.get(0).lookup().orElseThrow(), value);
        assertThat(sentBy(() -> uses.add(sessions.useAndLookUp(digest, IDLE, Instant.now(), key))))
                .as("the check and a hit of %s", read).containsExactly("EVALSHA");
        assertThat(hitValue(uses.get(1).lookup().orElseThrow())).isEqualTo(value);
    }

    @Test
    void noLookupIsMadeForASessionThatIsNotOpen() {
        scriptsLoaded();
        sessions.useAndLookUp(SecretToken.generate().digest(), IDLE, Instant.now(), CachedReads.record(BOB, DAY));
        CacheKey<Optional<AttendanceRecord>> key = CachedReads.record(ADA, DAY);
        fill(cache.lookup(key), Optional.empty());

        List<String> calls = sentBy(() -> assertThat(sessions.useAndLookUp(SecretToken.generate().digest(), IDLE,
                Instant.now(), key)).isEqualTo(new SessionStore.SessionUse<>(Optional.empty(), Optional.empty())));

        assertThat(calls).containsExactly("EVALSHA");
        assertThat(cacheGets("hit")).as("no lookup answered").isZero();
    }

    @Test
    void aServerThatLostItsScriptsCostsOneMoreCallOnce() {
        scriptsLoaded();
        try (UnifiedJedis other = TestRedis.client(url)) {
            other.scriptFlush();
        }

        assertThat(sentBy(() -> cache.lookup(CachedReads.record(ADA, DAY)))).containsExactly("EVALSHA", "EVAL");
        assertThat(sentBy(() -> cache.lookup(CachedReads.record(ADA, DAY)))).containsExactly("EVALSHA");
        assertThat(sentBy(() -> cache.employeeChanged(ADA))).containsExactly("EVALSHA", "EVAL");
        assertThat(sentBy(() -> cache.employeeChanged(ADA))).containsExactly("EVALSHA");
    }

    /** Each script is sent in full once per server (EVAL), and by its digest (EVALSHA) from then on. */
    private void scriptsLoaded() {
        fill(cache.lookup(CachedReads.record(BOB, DAY)), Optional.empty());
        cache.employeeChanged(BOB);
    }

    private double cacheGets(String result) {
        return registry.find("cache.gets").tag("result", result).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private List<String> sentBy(Runnable work) {
        sent.clear();
        work.run();
        return List.copyOf(sent);
    }
}
