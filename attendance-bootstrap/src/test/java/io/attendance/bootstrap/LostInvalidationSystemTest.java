package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change whose invalidation never reaches Redis, as when its writer stops between its commit and
 * the call: every instance stops serving the cached answer within one catch-up interval, not after
 * the entry's ttl.
 */
class LostInvalidationSystemTest {
    private static final String RECORD = "/api/v2/employees/K-1/attendance/2026-11-02";
    private static final String PAGE = "/api/v2/attendance?from=2026-11-01&to=2026-11-30&employeeId=K-1";
    private static final Duration CATCH_UP_INTERVAL = Duration.ofMillis(500);
    /**
     * Half the entry ttl (60 s), which would end the stale entry without any catch-up: far above the
     * interval, whatever a busy machine makes of it.
     */
    private static final Duration BOUND = Duration.ofSeconds(30);
    /** What an instance that stopped right after its commit leaves behind: the change and its audit event. */
    private static final String COMMITTED_BY_A_WRITER_THAT_STOPPED = """
            WITH before AS (
              SELECT * FROM attendance_records WHERE employee_id = 'K-1' AND work_date = DATE '2026-11-02'
            ), after AS (
              UPDATE attendance_records r SET status = 'ABSENT', version = r.version + 1, updated_at = now()
               WHERE employee_id = 'K-1' AND work_date = DATE '2026-11-02'
              RETURNING r.*
            )
            INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action, before, after)
            SELECT a.employee_id, a.work_date, a.updated_at, 'user:admin', 'UPDATED',
                   jsonb_build_object('status', 'Present', 'source', b.source, 'version', b.version,
                                      'createdAt', to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                      'updatedAt', to_char(b.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
                   jsonb_build_object('status', 'Absent', 'source', a.source, 'version', a.version,
                                      'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                      'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
              FROM before b, after a
            """;

    private Map<String, String> environment;
    private RunningService service;

    @BeforeEach
    void start() {
        environment = new HashMap<>(TestServers.freshEnvironment());
        environment.put("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", "PT" + CATCH_UP_INTERVAL.toMillis() / 1000.0 + "S");
        service = RunningService.start(environment);
        assertThat(service.put("/api/v2/employees/K-1", "{\"name\":\"Kim\"}").statusCode()).isEqualTo(201);
        assertThat(service.put(RECORD, "{\"status\":\"Present\"}").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aChangeWhoseInvalidationNeverArrivedIsServedNoLongerThanACatchUpInterval() throws Exception {
        for (int read = 1; read <= 2; read++) {
            assertThat(service.get(RECORD).body()).contains("\"status\":\"Present\"");
            assertThat(service.get(PAGE).body()).contains("\"status\":\"Present\"");
        }

        try (Connection connection = TestServers.openConnection(environment);
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(COMMITTED_BY_A_WRITER_THAT_STOPPED)).isEqualTo(1);
        }
        long committed = System.nanoTime();

        while (service.get(RECORD).body().contains("\"status\":\"Present\"")
                || service.get(PAGE).body().contains("\"status\":\"Present\"")) {
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).as("served stale for").isLessThan(BOUND);
            Thread.sleep(50);
        }
        assertThat(service.get(RECORD).body()).contains("\"status\":\"Absent\"", "\"version\":2");
    }
}
