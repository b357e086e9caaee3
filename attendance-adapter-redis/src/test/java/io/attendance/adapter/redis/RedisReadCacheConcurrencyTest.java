package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.listing;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readers that fill the cache from a slow system of record race writers that commit and then
 * announce their change. "The database" is one version number per employee: a write commits the
 * employee's next version. Readers look up employee entries (v1 latest, a v2 record) and listings
 * (the v1 full list, a v2 page), each holding versions of both employees.
 */
class RedisReadCacheConcurrencyTest {
    private static final Duration RUN_AT_LEAST = Duration.ofSeconds(2);
    /** A deadline for a run that never gets enough hits and changes, not a measure: a busy machine takes longer to get there. */
    private static final Duration RUN_AT_MOST = Duration.ofMinutes(2);
    private static final int READERS = 6;
    private static final int WRITERS = 2;
    /** A writer waits for this many lookups between two of its changes, so the ratio holds on any machine. */
    private static final int LOOKUPS_PER_CHANGE = READERS;
    private static final int HITS_PER_ENTRY = 30;
    private static final int CHANGES = 200;
    private static final List<EmployeeId> EMPLOYEES = List.of(ADA, BOB);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RedisStore store;
    private ReadCache cache;

    private final Map<EmployeeId, AtomicLong> committed = Map.of(ADA, new AtomicLong(1), BOB, new AtomicLong(1));
    /** Per employee, the highest version whose employeeChanged has returned. */
    private final Map<EmployeeId, AtomicLong> announced = Map.of(ADA, new AtomicLong(1), BOB, new AtomicLong(1));
    private final Queue<String> staleReads = new ConcurrentLinkedQueue<>();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private List<Entry<?>> entries;

    @BeforeEach
    void connect() {
        store = TestRedis.store(TestRedis.emptyDatabaseUrl(), Duration.ofSeconds(60), registry);
        cache = store.readCache();
        entries = List.of(
                new Entry<>(CachedReads.latestAttendance(ADA),
                        versions -> Optional.of(attendance(ADA, versions.applyAsLong(ADA))),
                        found -> List.of(found.orElseThrow().record())),
                new Entry<>(CachedReads.record(BOB, DAY),
                        versions -> Optional.of(record(BOB, versions.applyAsLong(BOB))),
                        found -> List.of(found.orElseThrow())),
                new Entry<>(CachedReads.renderedAttendanceListing(),
                        versions -> listing(attendance(ADA, versions.applyAsLong(ADA)),
                                attendance(BOB, versions.applyAsLong(BOB))),
                        Attendances::recordsOf),
                new Entry<>(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 101),
                        versions -> List.of(record(BOB, versions.applyAsLong(BOB)),
                                record(ADA, versions.applyAsLong(ADA))),
                        found -> found));
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void noLookupThatStartsAfterAChangeWasAnnouncedAnswersWithAnOlderVersion() throws Exception {
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(READERS + WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                running.add(threads.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (keepGoing(started)) {
                        read(entries.get(random.nextInt(entries.size())));
                    }
                    return null;
                }));
            }
            for (int i = 0; i < WRITERS; i++) {
                running.add(threads.submit(() -> {
                    start.await();
                    while (keepGoing(started)) {
                        write(EMPLOYEES.get(ThreadLocalRandom.current().nextInt(EMPLOYEES.size())), started);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(RUN_AT_MOST.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(staleReads).as("stale reads out of %d lookups", lookups.get()).isEmpty();
        for (Entry<?> entry : entries) {
            assertThat(count(registry, "cache.gets", "entry", entry.name(), "result", "hit")).as("hits of %s", entry.name())
                    .isGreaterThanOrEqualTo(HITS_PER_ENTRY);
        }
        assertThat(count(registry, "cache.invalidations")).as("changes").isGreaterThanOrEqualTo(CHANGES);
        assertThat(count(registry, "cache.errors")).isZero();
        for (Entry<?> entry : entries) {
            read(entry);
            assertThat(cachedRecords(entry)).as("the last versions in %s", entry.name())
                    .allSatisfy(found -> assertThat(found.version()).isEqualTo(committed.get(found.employeeId()).get()));
        }
    }

    /**
     * At least {@link #RUN_AT_LEAST}, then until every entry has been served from the cache often
     * enough between changes, however busy the machine, but no longer than {@link #RUN_AT_MOST}.
     */
    private boolean keepGoing(long started) {
        long elapsed = System.nanoTime() - started;
        if (elapsed < RUN_AT_LEAST.toNanos()) {
            return true;
        }
        boolean enough = changes.get() >= CHANGES
                && entries.stream().allMatch(entry -> hits.getOrDefault(entry.name(), new AtomicLong()).get() >= HITS_PER_ENTRY);
        return !enough && elapsed < RUN_AT_MOST.toNanos();
    }

    private <T> List<AttendanceRecord> cachedRecords(Entry<T> entry) {
        return entry.recordsIn().apply(hitValue(cache.lookup(entry.key())));
    }

    /** Commits and announces a change, then lets the readers make a few lookups before the next one. */
    private void write(EmployeeId employeeId, long started) throws InterruptedException {
        long version = committed.get(employeeId).incrementAndGet();
        cache.employeeChanged(employeeId);
        announced.get(employeeId).accumulateAndGet(version, Math::max);
        changes.incrementAndGet();
        long lookupsBefore = lookups.get();
        while (lookups.get() - lookupsBefore < LOOKUPS_PER_CHANGE && keepGoing(started)) {
            LockSupport.parkNanos(100_000);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(2));
    }

    private <T> void read(Entry<T> entry) throws InterruptedException {
        Map<EmployeeId, Long> floors = Map.of(ADA, announced.get(ADA).get(), BOB, announced.get(BOB).get());
        lookups.incrementAndGet();
        Cached<T> lookup = cache.lookup(entry.key());
        if (lookup instanceof Cached.Hit<T> hit) {
            hits.computeIfAbsent(entry.name(), name -> new AtomicLong()).incrementAndGet();
            for (AttendanceRecord found : entry.recordsIn().apply(hit.value())) {
                long floor = floors.get(found.employeeId());
                if (found.version() < floor) {
                    staleReads.add(entry.name() + ": version " + found.version() + " of " + found.employeeId()
                            + " after version " + floor + " was announced");
                }
            }
        } else {
            T value = entry.load().apply(slowRead());
            ((Cached.Miss<T>) lookup).fill(value);
        }
    }

    /** Reads the committed versions, then takes a while to hand them back, as a busy database does. */
    private ToLongFunction<EmployeeId> slowRead() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextBoolean()) {
            Thread.sleep(random.nextInt(2));
        }
        Map<EmployeeId, Long> versions = Map.of(ADA, committed.get(ADA).get(), BOB, committed.get(BOB).get());
        Thread.sleep(random.nextInt(3));
        return versions::get;
    }

    /** One cached query: its key, how to load it at given versions, and the records it holds. */
    private record Entry<T>(CacheKey<T> key, Function<ToLongFunction<EmployeeId>, T> load,
                            Function<T, List<AttendanceRecord>> recordsIn) {
        String name() {
            return key.read().name();
        }
    }
}
