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
 * access ports no more than theirs. A filled entry that comes back a miss shows that the call gave
 * up; the faults counted show how many calls waited at all. The bounds asserted only tell "bounded"
 * from "hanging" (or from waiting with the next larger timeout), with room for a loaded machine; the
 * times measured are logged.
 */
class RedisSlowServerTest {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSlowServerTest.class);
    /** The cache's 50 ms, and access timeouts far beyond any bound below: a cache call that waited with those would fail it. */
    private static final RedisTimeouts CACHE_TIMEOUTS = new RedisTimeouts(RedisTimeouts.DEFAULT.cache(), Duration.ofSeconds(20));
    /** What a cache call may cost with Redis slow: bounded, far under the access timeout of {@link #CACHE_TIMEOUTS}. */
    private static final long CACHE_BOUND_MILLIS = 5_000;
    /** What a session call may cost with Redis frozen, whose default timeout is 500 ms: bounded, not hanging. */
    private static final long ACCESS_BOUND_MILLIS = 5_000;
    /** Longer than any of these tests: a lookup after a fault is answered without a call whatever the machine's speed. */
    private static final Duration LONG_PAUSE = Duration.ofMinutes(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

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
        try (RedisStore store = connect(CACHE_TIMEOUTS, LONG_PAUSE)) {
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
            assertThat(faults()).as("paused after the fault: not one more timeout").isEqualTo(1);
        }
    }

    /** Lookups until one falls in the sleep: a miss of the filled entry, so it gave up before Redis woke. */
    @Test
    void aRedisBusyInDebugSleepCostsALookupNoMoreThanTheCacheTimeout() throws Exception {
        try (RedisStore store = connect(CACHE_TIMEOUTS, LONG_PAUSE);
             // its own answer comes after the 5 s sleep, later still on a loaded machine
             Jedis sleeper = server.connect(60_000)) {
            ReadCache cache = store.readCache();
            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            CompletableFuture<Void> asleep = CompletableFuture.runAsync(() -> sleeper.sendCommand(
                    () -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "SLEEP", "5"));

            Cached<?> looked = cache.lookup(CachedReads.latestAttendance(ADA));
            for (int attempt = 0; attempt < 500 && !(looked instanceof Cached.Miss); attempt++) {
                Attendances.sleep(Duration.ofMillis(10));
                looked = cache.lookup(CachedReads.latestAttendance(ADA));
            }

            assertThat(looked).as("a lookup while Redis sleeps").isInstanceOf(Cached.Miss.class);
            assertThat(faults()).as("the one lookup that waited").isEqualTo(1);
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
        try (RedisStore store = connect(CACHE_TIMEOUTS, Duration.ZERO)) {
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
        try (RedisStore store = connect(RedisTimeouts.DEFAULT, RedisFaults.DEFAULT_PAUSE)) {
            String digest = SecretToken.generate().digest();
            store.sessionStore().use(digest, Duration.ofMinutes(5), Instant.now());

            server.pause();
            long use = millis(() -> assertThatThrownBy(() -> store.sessionStore().use(digest, Duration.ofMinutes(5),
                    Instant.now())).isInstanceOf(Unavailable.class));

            LOG.info("Redis frozen: a session check took {} ms to fail", use);
            // it waited its timeout (a floor no busy machine lowers), and was bounded by it
            assertThat(use).isBetween(RedisTimeouts.DEFAULT.access().toMillis() - 50, ACCESS_BOUND_MILLIS);
        }
    }

    private RedisStore connect(RedisTimeouts timeouts, Duration pauseAfterFault) {
        return RedisStore.connect(RedisUrl.parse(server.url()), Duration.ofSeconds(60), registry, timeouts, pauseAfterFault);
    }

    /** The cache calls that failed (timed out, here) so far. */
    private double faults() {
        return Attendances.count(registry, "cache.errors");
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
