package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL and one Redis: after a write's 2xx through either, every read
 * through either sees it, also while readers race writers.
 */
class V2CacheCoherenceSystemTest {
    private static final String RECORD = "/api/v2/employees/K-1/attendance/2026-11-02";
    private static final String PAGE = "/api/v2/attendance?from=2026-11-01&to=2026-11-30&employeeId=K-1";
    private static final Pattern VERSION_IN_BODY = Pattern.compile("\"version\":(\\d+)");
    private static final int WRITES_PER_WRITER = 40;
    private static final Pattern CACHE_HIT =
            Pattern.compile("^cache_gets_total\\{[^}]*result=\"hit\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private RunningService first;
    private RunningService second;

    @BeforeEach
    void startTwoInstances() {
        Map<String, String> shared = new HashMap<>(TestServers.freshEnvironment());
        shared.put("ATTENDANCE_CURSOR_SECRET", "shared-by-both-instances-0123456789");
        // what is tested is a write's own invalidation: a catch-up moves the generations of what was written
        // once more, and one falling between two reads (more likely the busier the machine) turns a hit into a miss
        shared.put("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", "1m");
        first = RunningService.start(shared);
        second = RunningService.start(shared);
        assertThat(first.put("/api/v2/employees/K-1", "{\"name\":\"Kim\",\"department\":\"Ops\"}").statusCode())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aWriteThroughOneInstanceIsReadThroughTheOtherAtOnce() {
        assertThat(first.put(RECORD, "{\"status\":\"Present\"}").statusCode()).isEqualTo(201);
        double hitsBefore = cacheHits(second);
        // read twice: the second time from the cache, which the writes below must not leave stale
        for (int read = 1; read <= 2; read++) {
            assertThat(second.get(RECORD).body()).contains("\"status\":\"Present\"");
            assertThat(second.get(PAGE).body()).contains("\"status\":\"Present\"");
            assertThat(second.get("/api/v2/employees/K-1").body()).contains("\"name\":\"Kim\"");
        }
        assertThat(cacheHits(second)).as("lookups the reading instance answered from the cache")
                .isGreaterThanOrEqualTo(hitsBefore + 3);

        assertThat(first.put(RECORD, "{\"status\":\"Absent\"}").statusCode()).isEqualTo(200);
        assertThat(first.put("/api/v2/employees/K-1", "{\"name\":\"Kim Lee\",\"department\":\"Ops\"}").statusCode())
                .isEqualTo(200);

        assertThat(second.get(RECORD).body()).contains("\"status\":\"Absent\"", "\"version\":2");
        assertThat(second.get(PAGE).body()).contains("\"status\":\"Absent\"");
        assertThat(second.get("/api/v2/employees/K-1").body()).contains("\"name\":\"Kim Lee\"");
        assertThat(second.get("/api/v2/employees?department=Ops").body()).contains("\"name\":\"Kim Lee\"");
    }

    /** A fixed number of writes, not a time window: a busy machine makes the race slower, never smaller. */
    @Test
    void noReadIssuedAfterAWritesSuccessReturnsAnOlderVersion() throws Exception {
        assertThat(first.put(RECORD, "{\"status\":\"Present\",\"note\":\"start\"}").statusCode()).isEqualTo(201);
        double firstHitsBefore = cacheHits(first);
        double secondHitsBefore = cacheHits(second);
        AtomicLong committed = new AtomicLong(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> staleReads = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                RunningService through = writer == 0 ? first : second;
                int id = writer;
                writers.add(pool.submit(() -> {
                    for (int write = 0; write < WRITES_PER_WRITER; write++) {
                        HttpResponse<String> put = through.put(RECORD,
                                "{\"status\":\"Present\",\"note\":\"writer " + id + " write " + write + "\"}");
                        // 409 only when the other writer kept winning every retry: not a write to count
                        assertThat(put.statusCode()).isIn(200, 409);
                        if (put.statusCode() == 200) {
                            committed.accumulateAndGet(version(put.body()), Math::max);
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                RunningService through = reader % 2 == 0 ? first : second;
                String path = reader < 2 ? RECORD : PAGE;
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        long floor = committed.get();
                        HttpResponse<String> read = through.get(path);
                        long seen = version(read.body());
                        if (seen < floor) {
                            staleReads.add(path + " returned version " + seen + " after version " + floor + " was acknowledged");
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            try {
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
            } finally {
                writing.set(false);
            }
            int reads = 0;
            for (Future<Integer> reader : readers) {
                reads += reader.get(60, TimeUnit.SECONDS);
            }
            assertThat(reads).as("reads while the writers wrote").isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(staleReads).isEmpty();
        assertThat(committed.get()).isGreaterThan(2);
        assertThat(cacheHits(first)).as("lookups the first instance answered from the cache")
                .isGreaterThan(firstHitsBefore);
        assertThat(cacheHits(second)).as("lookups the second instance answered from the cache")
                .isGreaterThan(secondHitsBefore);
    }

    /** The lookups {@code instance} has answered from the cache so far, of every kind of entry. */
    private static double cacheHits(RunningService instance) {
        Matcher hit = CACHE_HIT.matcher(instance.get("/metrics").body());
        double hits = 0;
        while (hit.find()) {
            hits += Double.parseDouble(hit.group(1));
        }
        return hits;
    }

    private static long version(String body) {
        Matcher matcher = VERSION_IN_BODY.matcher(body);
        assertThat(matcher.find()).as("a version in %s", body).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
