package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What holds when several instances share the servers, or when Redis is gone. */
class SharedStateSystemTest {

    @Test
    void aWriteThroughOneInstanceIsReadThroughAnotherAtOnce() {
        Map<String, String> servers = TestServers.freshEnvironment();
        try (RunningService first = RunningService.start(servers);
             RunningService second = RunningService.start(servers)) {
            first.create("E-1", "Ada Lovelace", "Present", "2026-11-02");
            assertThat(second.get("/api/v1/attendance/search?id=E-1").body()).contains("2026-11-02");
            assertThat(second.get("/api/v1/attendance/search/all").body()).contains("2026-11-02");

            first.create("E-1", null, "Absent", "2026-11-03");

            assertThat(second.get("/api/v1/attendance/search?id=E-1").body()).contains("2026-11-03", "Absent");
            assertThat(second.get("/api/v1/attendance/search/all").body()).contains("2026-11-03");
        }
    }

    /** The key comes from an instance with Redis: without it nobody can sign in to issue one. */
    @Test
    void withRedisUnreachableTheServiceServesFromPostgresAndSaysRedisIsDown() throws Exception {
        Map<String, String> servers = TestServers.freshEnvironment();
        String key;
        try (RunningService withRedis = RunningService.start(servers)) {
            key = withRedis.issueApiKey("payroll-sync", "ADMIN");
        }
        Map<String, String> withoutRedis = new HashMap<>(servers);
        withoutRedis.put("ATTENDANCE_REDIS_URL", "redis://127.0.0.1:" + unusedPort());
        try (RunningService started = RunningService.start(withoutRedis)) {
            RunningService service = started.withApiKey(key);
            assertThat(service.create("E-1", "Ada Lovelace", "Present", "2026-11-02").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/attendance/search?id=E-1").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/attendance/search/all").body()).contains("E-1");

            assertThat(service.put("/api/v2/employees/E-1/attendance/2026-11-03", "{\"status\":\"Absent\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(service.get("/api/v2/employees/E-1/attendance/2026-11-03").body())
                    .contains("\"status\":\"Absent\"");
            assertThat(service.get("/api/v2/employees/E-1").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v2/attendance?from=2026-11-01&to=2026-11-30").body())
                    .contains("2026-11-02", "2026-11-03");

            assertThat(service.anonymous().get("/api/v1/attendance/health").statusCode()).isEqualTo(200);
            assertThat(service.anonymous().get("/api/v1/attendance/health/detail").body())
                    .contains("\"postgresql\":\"up\"", "\"redis\":\"down\"");
            assertThat(service.get("/metrics").body()).contains("cache_errors");
        }
    }

    /** A port nothing listens on right now: to connect to in vain, or to have a service listen on. */
    static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
