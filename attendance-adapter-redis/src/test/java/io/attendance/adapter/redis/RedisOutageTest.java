package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.closedPort;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.eventually;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.listing;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.attendance.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redis down, dying, black-holed or coming back: the service never notices but in its meters. */
class RedisOutageTest {
    private static final Duration ENTRY_TTL = Duration.ofSeconds(60);
    /** What the test of a silent Redis measures; short, as in production. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /**
     * For every other test: so long that a busy machine never turns a call to a live server into a
     * fault, and so a hit these tests expect into a miss. A stopped server fails calls at once anyway.
     */
    private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_FAULT = Duration.ofMillis(200);

    @TempDir
    Path dataDirectory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private EmbeddedRedisServer server;
    private RedisStore store;

    @BeforeEach
    void startOwnServer() {
        server = EmbeddedRedisServer.start(dataDirectory);
        store = connect(server.url());
    }

    @AfterEach
    void stopOwnServer() {
        store.close();
        server.close();
    }

    @Test
    void withNoRedisAtAllTheServiceStartsAndEveryCallIsAHarmlessCountedMiss() {
        try (RedisStore nowhere = connect("redis://127.0.0.1:" + closedPort())) {
            ReadCache cache = nowhere.readCache();

            Cached<Optional<EmployeeAttendance>> lookup = cache.lookup(CachedReads.latestAttendance(ADA));
            fill(lookup, Optional.of(attendance(ADA, 1)));
            cache.employeeChanged(ADA);
            fill(cache.lookup(CachedReads.renderedAttendanceListing()), listing(attendance(ADA, 1)));

            assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(nowhere.healthProbe().isUp()).isFalse();
            assertThat(count(registry, "cache.errors", "cache", "attendance")).isPositive();
            assertThat(count(registry, "cache.gets", "result", "hit")).isZero();
        }
    }

    /** Their clients ask the servers for the topology when built: that must wait for the first call. */
    @ParameterizedTest
    @ValueSource(strings = {"redis-cluster://127.0.0.1:%d,127.0.0.1:%d", "redis-sentinel://127.0.0.1:%d,127.0.0.1:%d/mymaster"})
    void aClusterOrSentinelsDownAtStartUpStartTheServiceAndEveryCallIsAHarmlessCountedMiss(String form) {
        try (RedisStore nowhere = connect(String.format(form, closedPort(), closedPort()))) {
            ReadCache cache = nowhere.readCache();

            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            cache.employeeChanged(ADA);

            assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(nowhere.healthProbe().isUp()).isFalse();
            assertThat(count(registry, "cache.errors", "cache", "attendance")).isPositive();
        }
    }

    @Test
    void aRedisThatNeverAnswersCostsOneShortTimeoutAndThenNothingUntilThePauseEnds() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RedisStore blackHoled = RedisStore.connect(RedisUrl.parse("redis://127.0.0.1:" + silent.getLocalPort()),
                     ENTRY_TTL, registry, new RedisTimeouts(TIMEOUT, TIMEOUT), Duration.ofSeconds(10))) {
            ReadCache cache = blackHoled.readCache();

            long first = timeMillis(() -> cache.lookup(CachedReads.latestAttendance(ADA)));
            long next100 = timeMillis(() -> {
                for (int i = 0; i < 100; i++) {
                    cache.lookup(CachedReads.latestAttendance(ADA));
                    cache.employeeChanged(ADA);
                }
            });

            assertThat(first).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() * 5);
            assertThat(next100).as("not a single timeout more").isLessThan(TIMEOUT.toMillis());
            assertThat(count(registry, "cache.errors")).isEqualTo(1);
        }
    }

    @Test
    void aServerThatStopsTurnsLookupsIntoMissesAndItsDataAreServedAgainOnceItIsBack() {
        ReadCache cache = store.readCache();
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));

        server.close();

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
        assertThat(store.healthProbe().isUp()).isFalse();
        assertThat(count(registry, "cache.errors")).isPositive();

        server = EmbeddedRedisServer.start(dataDirectory, server.port());

        eventually(() -> cache.lookup(CachedReads.latestAttendance(ADA)) instanceof Cached.Hit);
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));
        assertThat(store.healthProbe().isUp()).isTrue();
    }

    @Test
    void aValueHeldInProcessIsNotServedWhileRedisCannotSayItIsCurrent() {
        ReadCache cache = store.readCache();
        byte[] large = new byte[RedisReadCache.MIN_LOCAL_COPY_BYTES];
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), large);
        assertThat(hitValue(cache.lookup(CachedReads.renderedAttendanceListing()))).isSameAs(large);

        server.close();

        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors")).isPositive();
    }

    @Test
    void aChangeMadeWhileRedisWasDownIsNeverFollowedByTheValueFromBefore() {
        ReadCache cache = store.readCache();
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), listing(attendance(ADA, 1), attendance(BOB, 1)));
        fill(cache.lookup(CachedReads.record(BOB, DAY)), Optional.of(record(BOB, 1)));
        fill(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10)), List.of(record(BOB, 1), record(ADA, 1)));
        server.close();

        cache.employeeChanged(ADA);
        server = EmbeddedRedisServer.start(dataDirectory, server.port());

        eventually(() -> {
            Cached<Optional<EmployeeAttendance>> lookup = cache.lookup(CachedReads.latestAttendance(ADA));
            if (lookup instanceof Cached.Hit<Optional<EmployeeAttendance>> hit) {
                assertThat(hit.value()).as("the first hit after the outage").contains(attendance(ADA, 2));
                return true;
            }
            fill(lookup, Optional.of(attendance(ADA, 2)));
            return false;
        });
        assertThat(cache.lookup(CachedReads.latestAttendance(BOB))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.record(BOB, DAY))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10))).isInstanceOf(Cached.Miss.class);
        try (var redis = TestRedis.client(server.url())) {
            assertThat(redis.keys("att:{cache}:v5:emp:B-2:latest")).as("the entry from before, still in Redis").hasSize(1);
        }
    }

    @Test
    void aChangeThatFailedIsMadeGoodByTheNextChangeThatReachesRedis() {
        ReadCache cache = store.readCache();
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
        server.close();
        cache.employeeChanged(BOB);
        server = EmbeddedRedisServer.start(dataDirectory, server.port());

        eventually(() -> {
            cache.employeeChanged(ADA);
            return count(registry, "cache.invalidations") > 0;
        });

        Cached<Optional<EmployeeAttendance>> lookup = cache.lookup(CachedReads.latestAttendance(BOB));
        fill(lookup, Optional.of(attendance(BOB, 2)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(BOB)))).contains(attendance(BOB, 2));
    }

    private RedisStore connect(String url) {
        return RedisStore.connect(RedisUrl.parse(url), ENTRY_TTL, registry,
                new RedisTimeouts(PATIENT_TIMEOUT, PATIENT_TIMEOUT), PAUSE_AFTER_FAULT);
    }

    private static long timeMillis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
