package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readers that fill the cache from a slow system of record race writers that commit and then
 * announce their change. "The database" is one version number: a write commits version n+1.
 */
class RedisReadCacheConcurrencyTest {
    private static final Duration RUN_FOR = Duration.ofSeconds(2);
    private static final int READERS = 6;
    private static final int WRITERS = 2;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RedisStore store;
    private ReadCache cache;

    private final AtomicLong committed = new AtomicLong(1);
    /** The highest version whose attendanceChanged has returned. */
    private final AtomicLong announced = new AtomicLong(1);
    private final Queue<String> staleReads = new ConcurrentLinkedQueue<>();
    private final AtomicLong lookups = new AtomicLong();

    @BeforeEach
    void connect() {
        store = RedisStore.connect(TestRedis.emptyDatabaseUrl(), Duration.ofSeconds(60), registry);
        cache = store.readCache();
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void noLookupThatStartsAfterAChangeWasAnnouncedAnswersWithAnOlderVersion() throws Exception {
        long deadline = System.nanoTime() + RUN_FOR.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(READERS + WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                boolean readsTheList = i % 2 == 1;
                running.add(threads.submit(() -> {
                    start.await();
                    while (System.nanoTime() - deadline < 0) {
                        if (readsTheList) {
                            readTheList();
                        } else {
                            readTheLatest();
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < WRITERS; i++) {
                running.add(threads.submit(() -> {
                    start.await();
                    while (System.nanoTime() - deadline < 0) {
                        write();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(RUN_FOR.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(staleReads).as("stale reads out of %d lookups", lookups.get()).isEmpty();
        assertThat(count(registry, "cache.gets", "result", "hit")).as("hits").isGreaterThan(100);
        assertThat(count(registry, "cache.invalidations")).as("changes").isGreaterThan(100);
        assertThat(count(registry, "cache.errors")).isZero();
        long last = committed.get();
        readTheLatest();
        assertThat(hitValue(cache.latestAttendance(ADA))).map(found -> found.record().version()).contains(last);
    }

    private void write() throws InterruptedException {
        long version = committed.incrementAndGet();
        cache.attendanceChanged(ADA);
        announced.accumulateAndGet(version, Math::max);
        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
    }

    private void readTheLatest() throws InterruptedException {
        long floor = announced.get();
        lookups.incrementAndGet();
        Cached<Optional<EmployeeAttendance>> lookup = cache.latestAttendance(ADA);
        if (lookup instanceof Cached.Hit<Optional<EmployeeAttendance>> hit) {
            check(floor, hit.value().orElseThrow().record().version(), "latest");
        } else {
            long version = slowRead();
            ((Cached.Miss<Optional<EmployeeAttendance>>) lookup).fill(Optional.of(attendance(ADA, version)));
        }
    }

    private void readTheList() throws InterruptedException {
        long floor = announced.get();
        lookups.incrementAndGet();
        Cached<List<EmployeeAttendance>> lookup = cache.allAttendance();
        if (lookup instanceof Cached.Hit<List<EmployeeAttendance>> hit) {
            check(floor, hit.value().get(0).record().version(), "all");
        } else {
            long version = slowRead();
            ((Cached.Miss<List<EmployeeAttendance>>) lookup).fill(List.of(attendance(ADA, version)));
        }
    }

    /** Reads the committed version, then takes a while to hand it back, as a busy database does. */
    private long slowRead() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextBoolean()) {
            Thread.sleep(random.nextInt(2));
        }
        long version = committed.get();
        Thread.sleep(random.nextInt(3));
        return version;
    }

    private void check(long floor, long version, String entry) {
        if (version < floor) {
            staleReads.add(entry + ": version " + version + " after version " + floor + " was announced");
        }
    }
}
