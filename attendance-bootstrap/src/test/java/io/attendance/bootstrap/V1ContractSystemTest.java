package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v1 contract end to end: HTTP, use cases, PostgreSQL and Redis, all real. The OT front-end
 * sends no credentials, so the contract runs with {@code ATTENDANCE_V1_AUTH=false}; by default v1
 * wants them like v2.
 */
class V1ContractSystemTest {
    /** Signed in as the first administrator, for what is not v1. */
    private RunningService administrator;
    /** No credentials at all, as the OT front-end calls. */
    private RunningService service;

    @BeforeEach
    void startOnFreshServersWithV1Open() {
        Map<String, String> settings = new HashMap<>(TestServers.freshEnvironment());
        settings.put("ATTENDANCE_V1_AUTH", "false");
        administrator = RunningService.start(settings);
        service = administrator.anonymous();
    }

    @AfterEach
    void stop() {
        administrator.close();
    }

    @Test
    void byDefaultV1Answers401WithoutCredentialsAndServesThoseWithThem() {
        try (RunningService signedIn = RunningService.start(TestServers.freshEnvironment())) {
            RunningService anonymous = signedIn.anonymous();
            assertThat(anonymous.create("E-1", "Ada Lovelace", "Present", "2026-11-02").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/attendance/search?id=E-1").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/attendance/search/all").statusCode()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/attendance/health").statusCode()).isEqualTo(200);

            assertThat(signedIn.create("E-1", "Ada Lovelace", "Present", "2026-11-02").statusCode()).isEqualTo(200);
            assertThat(signedIn.get("/api/v1/attendance/search?id=E-1").body()).contains("\"name\":\"Ada Lovelace\"");
            assertThat(signedIn.get("/api/v1/attendance/search/all").body()).contains("E-1");
        }
    }

    @Test
    void openingV1LeavesV2AndMetricsBehindCredentials() {
        assertThat(service.get("/api/v2/employees").statusCode()).isEqualTo(401);
        assertThat(service.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(administrator.get("/api/v2/employees").statusCode()).isEqualTo(200);
    }

    @Test
    void aCreatedRecordIsFoundBySearchAndListedByAll() {
        HttpResponse<String> created = service.create("E-1", "Ada Lovelace", "present", "2026-11-02");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body())
                .isEqualTo("{\"message\":\"Successfully created the record for the employee id: $E-1\"}");
        assertThat(service.get("/api/v1/attendance/search?id=E-1").body())
                .isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-02\"}");
        assertThat(service.get("/api/v1/attendance/search/all").body())
                .isEqualTo("[{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-02\"}]");
    }

    @Test
    void aReadAfterACreateSeesTheNewRecordEvenWithAWarmCache() {
        service.create("E-1", "Ada Lovelace", "Present", "2026-11-02");
        assertThat(service.get("/api/v1/attendance/search?id=E-1").body()).contains("2026-11-02");
        assertThat(service.get("/api/v1/attendance/search/all").body()).contains("2026-11-02");

        assertThat(service.create("E-1", null, "Half Day", "2026-11-03").statusCode()).isEqualTo(200);

        assertThat(service.get("/api/v1/attendance/search?id=E-1").body())
                .contains("\"status\":\"Half Day\"", "2026-11-03");
        assertThat(service.get("/api/v1/attendance/search/all").body()).contains("2026-11-02", "2026-11-03");
    }

    @Test
    void theSameDayTwiceIsAConflictAndTheFirstRecordStays() {
        service.create("E-1", "Ada Lovelace", "Present", "2026-11-02");

        HttpResponse<String> again = service.create("E-1", "Ada Lovelace", "Absent", "2026-11-02");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).startsWith("{\"message\":");
        assertThat(service.get("/api/v1/attendance/search?id=E-1").body()).contains("\"status\":\"Present\"");
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        String tooFar = LocalDate.now().plusDays(400).toString();
        RunningService invalid = service.deliberatelyInvalid();
        assertThat(invalid.create("E 1", "Ada", "Present", "2026-11-02").statusCode()).isEqualTo(400);
        assertThat(invalid.create("E-1", "Ada", "Foo", "2026-11-02").statusCode()).isEqualTo(400);
        assertThat(invalid.create("E-1", "Ada", "Present", "2026-13-45").statusCode()).isEqualTo(400);
        assertThat(invalid.create("E-1", "Ada", "Present", tooFar).statusCode()).isEqualTo(400);
        assertThat(invalid.post("/api/v1/attendance/create", "not json").statusCode()).isEqualTo(400);
        assertThat(invalid.post("/api/v1/attendance/create", "[1,2]").statusCode()).isEqualTo(400);

        assertThat(service.get("/api/v1/attendance/search?id=E-1").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/v1/attendance/search/all").body()).isEqualTo("[]");
    }

    @Test
    void aValidationFailureNamesItselfAsTheOriginalDidAndSaysPreciselyWhy() {
        HttpResponse<String> nameless = service.create("E-1", null, "Present", "2026-11-02");
        HttpResponse<String> notJson = service.deliberatelyInvalid().post("/api/v1/attendance/create", "not json");
        HttpResponse<String> withoutId = service.deliberatelyInvalid().get("/api/v1/attendance/search");
        HttpResponse<String> unknown = service.get("/api/v1/attendance/search?id=E-9");

        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body())
                .isEqualTo("{\"error\":\"Validation Error\",\"message\":\"name is required for a new employee\"}");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("{\"error\":\"Validation Error\",\"message\":\"body is not valid JSON");
        // the original's own answers stay as they were: a search without id, and every error but a 400
        assertThat(withoutId.body()).isEqualTo("{\"message\":\"Unable to process request, please check query params \"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"message\":");
    }

    @Test
    void sqlTextIsStoredAndAnsweredLiterally() {
        String sneaky = "x' OR '1'='1";
        assertThat(service.create("E-1", sneaky, "Present", "2026-11-02").statusCode()).isEqualTo(200);
        assertThat(service.create("E-2", "Bob", "Absent", "2026-11-02").statusCode()).isEqualTo(200);

        assertThat(service.get("/api/v1/attendance/search?id=E-1").body()).contains("\"name\":\"x' OR '1'='1\"");
        assertThat(service.deliberatelyInvalid().get("/api/v1/attendance/search?id=x'%20OR%20'1'='1").statusCode())
                .isEqualTo(400);
        assertThat(service.get("/api/v1/attendance/search?id=E-2").body()).contains("\"name\":\"Bob\"");
    }

    @Test
    void healthReportsBothServersUp() {
        assertThat(service.get("/api/v1/attendance/health").statusCode()).isEqualTo(200);
        assertThat(service.get("/api/v1/attendance/health/detail").body())
                .contains("\"postgresql\":\"up\"", "\"redis\":\"up\"", "\"status\":\"up\"");
        assertThat(service.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCoverHttpJvmPoolAndCache() {
        service.create("E-1", "Ada Lovelace", "Present", "2026-11-02");
        service.get("/api/v1/attendance/search?id=E-1");
        service.get("/api/v1/attendance/search?id=E-1");

        String metrics = administrator.get("/metrics").body();

        assertThat(metrics).contains("http_server_requests", "jvm_memory_used_bytes", "hikaricp_connections", "cache_");
    }

    @Test
    void theDocumentationIsServed() {
        assertThat(service.get("/openapi.json").body()).contains("/api/v1/attendance/create");
        assertThat(service.get("/apidocs").statusCode()).isEqualTo(200);
    }
}
