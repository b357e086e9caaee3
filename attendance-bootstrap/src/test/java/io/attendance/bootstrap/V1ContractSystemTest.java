package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v1 contract end to end: HTTP, use cases, PostgreSQL and Redis, all real. */
class V1ContractSystemTest {
    private RunningService service;

    @BeforeEach
    void startOnFreshServers() {
        service = RunningService.start(TestServers.freshEnvironment());
    }

    @AfterEach
    void stop() {
        service.close();
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
        assertThat(service.create("E 1", "Ada", "Present", "2026-11-02").statusCode()).isEqualTo(400);
        assertThat(service.create("E-1", "Ada", "Foo", "2026-11-02").statusCode()).isEqualTo(400);
        assertThat(service.create("E-1", "Ada", "Present", "2026-13-45").statusCode()).isEqualTo(400);
        assertThat(service.create("E-1", "Ada", "Present", tooFar).statusCode()).isEqualTo(400);
        assertThat(service.post("/api/v1/attendance/create", "not json").statusCode()).isEqualTo(400);
        assertThat(service.post("/api/v1/attendance/create", "[1,2]").statusCode()).isEqualTo(400);

        assertThat(service.get("/api/v1/attendance/search?id=E-1").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/v1/attendance/search/all").body()).isEqualTo("[]");
    }

    @Test
    void sqlTextIsStoredAndAnsweredLiterally() {
        String sneaky = "x' OR '1'='1";
        assertThat(service.create("E-1", sneaky, "Present", "2026-11-02").statusCode()).isEqualTo(200);
        assertThat(service.create("E-2", "Bob", "Absent", "2026-11-02").statusCode()).isEqualTo(200);

        assertThat(service.get("/api/v1/attendance/search?id=E-1").body()).contains("\"name\":\"x' OR '1'='1\"");
        assertThat(service.get("/api/v1/attendance/search?id=x'%20OR%20'1'='1").statusCode()).isEqualTo(400);
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

        String metrics = service.get("/metrics").body();

        assertThat(metrics).contains("http_server_requests", "jvm_memory_used_bytes", "hikaricp_connections", "cache_");
    }

    @Test
    void theDocumentationIsServed() {
        assertThat(service.get("/openapi.json").body()).contains("/api/v1/attendance/create");
        assertThat(service.get("/apidocs").statusCode()).isEqualTo(200);
    }
}
