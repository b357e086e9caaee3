package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * A Redis that is slow rather than down (frozen by SIGSTOP, busy in DEBUG SLEEP, or with every
 * pooled connection waiting on it) costs a cache call no more than its short timeouts, and the
 * access ports no more than theirs. The bounds asserted leave a wide margin for a busy machine; the
 * times measured are logged.
 */
class RedisSlowServerTest {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSlowServerTest.class);
    private static final RedisTimeouts TIMEOUTS = RedisTimeouts.DEFAULT;
    /** What a cache call may cost with Redis slow: its 50 ms bound, with room for a busy two-core machine. */
    private static final long CACHE_BOUND_MILLIS = 400;
    /** What a session call may cost with Redis slow: its 500 ms bound, with the same room. */
    private static final long ACCESS_BOUND_MILLIS = 1_500;

    @TempDir
    Path directory;

    private RedisProcess server;

    @BeforeEach
    void startOwnServer() {
        server = RedisProcess.server(directory);
    }

    @AfterEach
    void stopOwnServer() {
        server.close();
    }

    @Test
    void aFrozenRedisCostsALookupNoMoreThanTheCacheTimeoutAndAFewHundredLookupsNothing() {
        try (RedisStore store = connect(RedisFaults.DEFAULT_PAUSE)) {
            ReadCache cache = store.readCache();
            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));

            server.pause();
            long first = millis(() -> assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class));
            long next300 = millis(() -> {
                for (int i = 0; i < 300; i++) {
                    assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
                }
            });

            LOG.info("Redis frozen: the first lookup took {} ms, the 300 after it {} ms", first, next300);
            assertThat(first).isLessThan(CACHE_BOUND_MILLIS);
            assertThat(next300).as("paused after the fault: not one more timeout").isLessThan(CACHE_BOUND_MILLIS);
        }
    }

    @Test
    void aRedisBusyInDebugSleepCostsALookupNoMoreThanTheCacheTimeout() throws Exception {
        try (RedisStore store = connect(RedisFaults.DEFAULT_PAUSE);
             Jedis sleeper = server.connect()) {
            ReadCache cache = store.readCache();
            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            CompletableFuture<Void> asleep = CompletableFuture.runAsync(() -> sleeper.sendCommand(
                    () -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "SLEEP", "2"));
            Attendances.sleep(Duration.ofMillis(100));

            long lookup = millis(() -> assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class));

            LOG.info("Redis in DEBUG SLEEP: a lookup took {} ms", lookup);
            assertThat(lookup).isLessThan(CACHE_BOUND_MILLIS);
            asleep.get();
        }
    }

    /**
     * With no pause after a fault, every lookup goes to Redis: twice as many as the pool has
     * connections, at once, find it dry and frozen, and none waits more than its bounds.
     */
    @Test
    void lookupsThatFindThePoolDryWaitNoMoreThanTheCacheTimeoutForAConnection() throws Exception {
        int callers = RedisStore.MAX_CACHE_CONNECTIONS * 2;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try (RedisStore store = connect(Duration.ZERO)) {
            ReadCache cache = store.readCache();
            cache.lookup(CachedReads.latestAttendance(ADA));
            server.pause();
            CountDownLatch ready = new CountDownLatch(callers);
            List<Future<Long>> times = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                EmployeeId employee = new EmployeeId("E-" + i);
                times.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return millis(() -> assertThat(cache.lookup(CachedReads.latestAttendance(employee)))
                            .isInstanceOf(Cached.Miss.class));
                }));
            }
            long slowest = 0;
            for (Future<Long> time : times) {
                slowest = Math.max(slowest, time.get());
            }

            LOG.info("Redis frozen, {} lookups at once on {} connections: the slowest took {} ms",
                    callers, RedisStore.MAX_CACHE_CONNECTIONS, slowest);
            assertThat(slowest).as("a connection's wait and its reply's, each bounded").isLessThan(CACHE_BOUND_MILLIS);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFrozenRedisMakesASessionUnavailableWithinTheAccessTimeout() {
        try (RedisStore store = connect(RedisFaults.DEFAULT_PAUSE)) {
            String digest = SecretToken.generate().digest();
            store.sessionStore().use(digest, Duration.ofMinutes(5), Instant.now());

            server.pause();
            long use = millis(() -> assertThatThrownBy(() -> store.sessionStore().use(digest, Duration.ofMinutes(5),
                    Instant.now())).isInstanceOf(Unavailable.class));

            LOG.info("Redis frozen: a session check took {} ms to fail", use);
            assertThat(use).isBetween(TIMEOUTS.access().toMillis() - 50, ACCESS_BOUND_MILLIS);
        }
    }

    private RedisStore connect(Duration pauseAfterFault) {
        return RedisStore.connect(RedisUrl.parse(server.url()), Duration.ofSeconds(60), new SimpleMeterRegistry(),
                TIMEOUTS, pauseAfterFault);
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
