package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A master, its replica and a Sentinel watching them, each a redis-server of this test's own: the
 * service finds the master through {@code redis-sentinel://}, and follows the Sentinel to the
 * replica it promotes when the master stops.
 */
class RedisSentinelTest {
    private static final String MASTER_NAME = "attendance";
    private static final Duration IDLE = Duration.ofMinutes(5);

    @TempDir
    Path directory;

    @Test
    void theServiceReachesTheMasterThroughTheSentinelAndFollowsItsFailover() {
        RedisProcess master = RedisProcess.server(directory.resolve("master"));
        try (RedisProcess replica = RedisProcess.server(directory.resolve("replica"),
                "--replicaof", "127.0.0.1", Integer.toString(master.port()));
             RedisProcess sentinel = awaitReplication(master, replica);
             RedisStore store = RedisStore.connect(RedisUrl.parse("redis-sentinel://:" + RedisProcess.PASSWORD
                             + "@127.0.0.1:" + sentinel.port() + "/" + MASTER_NAME), Duration.ofSeconds(60),
                     new SimpleMeterRegistry(), new RedisTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                     Duration.ofMillis(100))) {
            ReadCache cache = store.readCache();
            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));
            String digest = SecretToken.generate().digest();
            Instant now = Instant.now();
            store.sessionStore().open(digest, new Session(new Username("alice"),
                    new Grant(Set.of(Role.ADMIN), Optional.empty()), now, now.plus(Duration.ofHours(1)), 0), IDLE);
            try (Jedis connection = master.connect()) {
                assertThat(connection.waitReplicas(1, 5_000)).as("replicas that have the session").isEqualTo(1);
            }

            master.close();

            Attendances.eventually(() -> {
                try {
                    return store.sessionStore().use(digest, IDLE, Instant.now()).isPresent();
                } catch (Unavailable failingOver) {
                    return false;
                }
            });
            assertThat(store.healthProbe().isUp()).isTrue();
            try (Jedis promoted = replica.connect()) {
                assertThat(promoted.info("replication")).contains("role:master");
            }
        } finally {
            master.close();
        }
    }

    /** The Sentinel, started once the replica has its data, so that it learns of the replica at once. */
    private RedisProcess awaitReplication(RedisProcess master, RedisProcess replica) {
        try (Jedis connection = replica.connect()) {
            Attendances.eventually(() -> connection.info("replication").contains("master_link_status:up"));
        }
        return RedisProcess.sentinel(directory.resolve("sentinel"), MASTER_NAME, master);
    }
}
