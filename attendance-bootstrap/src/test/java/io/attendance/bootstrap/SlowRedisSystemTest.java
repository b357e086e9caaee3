package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.adapter.redis.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis that hangs rather than fails (frozen by SIGSTOP: its sockets accept, nothing answers)
 * costs a cached read little more than the cache's short timeout: the answer comes from PostgreSQL.
 * API keys are checked against PostgreSQL, so the caller needs no session from the frozen Redis.
 */
class SlowRedisSystemTest {
    private static final Logger LOG = LoggerFactory.getLogger(SlowRedisSystemTest.class);
    private static final String RECORD = "/api/v2/employees/S-1/attendance/2026-11-02";
    /**
     * The default cache timeout is 50 ms, and a frozen Redis never answers: any bound tells a read
     * that gave up from one that hangs. The access timeout is set far beyond it, so a cached read that
     * waited with that one would fail it too; the times measured are logged.
     */
    private static final long BOUND_MILLIS = 5_000;

    @TempDir
    Path directory;

    @Test
    void aCachedReadIsAnsweredFromPostgresWithinTheBoundWhileRedisIsFrozen() {
        TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
        try (RedisProcess redis = RedisProcess.server(directory);
             RunningService admin = RunningService.start(Map.of(
                     "ATTENDANCE_DB_URL", database.jdbcUrl(),
                     "ATTENDANCE_DB_USER", database.user(),
                     "ATTENDANCE_DB_PASSWORD", database.password(),
                     "ATTENDANCE_DB_POOL_SIZE", "4",
                     "ATTENDANCE_REDIS_URL", redis.url(),
                     "ATTENDANCE_REDIS_TIMEOUT", "20s"))) {
            RunningService device = admin.withApiKey(admin.issueApiKey("reader", "ADMIN"));
            assertThat(device.put("/api/v2/employees/S-1", "{\"name\":\"Sam\"}").statusCode()).isEqualTo(201);
            assertThat(device.put(RECORD, "{\"status\":\"Present\"}").statusCode()).isEqualTo(201);
            assertThat(device.get(RECORD).statusCode()).isEqualTo(200);
            assertThat(device.get(RECORD).statusCode()).as("now from the cache").isEqualTo(200);

            redis.pause();
            long start = System.nanoTime();
            HttpResponse<String> read = device.get(RECORD);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long nextStart = System.nanoTime();
            HttpResponse<String> next = device.get(RECORD);
            long nextMillis = (System.nanoTime() - nextStart) / 1_000_000;
            redis.resume();

            LOG.info("Redis frozen: the first cached read took {} ms, the next {} ms", millis, nextMillis);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"status\":\"Present\"");
            assertThat(millis).isLessThan(BOUND_MILLIS);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(nextMillis).isLessThan(BOUND_MILLIS);
        }
    }
}
