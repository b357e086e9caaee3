package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.testing.AllAtOnce;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v2 on real PostgreSQL and Redis: optimistic concurrency under real contention, and v1/v2 sharing storage. */
class V2RecordsSystemTest {
    private static final int WRITERS = 8;
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(TestServers.freshEnvironment());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> putEmployee(String id) {
        return service.put("/api/v2/employees/" + id, "{\"name\":\"Employee " + id + "\",\"department\":\"Ops\"}");
    }

    private static String recordPath(String id, String date) {
        return "/api/v2/employees/" + id + "/attendance/" + date;
    }

    @Test
    void concurrentPutsWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        assertThat(putEmployee("C-1").statusCode()).isEqualTo(201);
        HttpResponse<String> created = service.put(recordPath("C-1", "2026-11-02"), "{\"status\":\"Present\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        List<Integer> statuses = concurrently(writer -> service.put(recordPath("C-1", "2026-11-02"),
                "{\"status\":\"Absent\",\"note\":\"writer " + writer + "\"}", "If-Match", etag).statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(WRITERS - 1);
        HttpResponse<String> stored = service.get(recordPath("C-1", "2026-11-02"));
        assertThat(stored.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(service.get(recordPath("C-1", "2026-11-02") + "/history").body())
                .contains("\"items\":[", "\"CREATED\"", "\"UPDATED\"", "\"nextCursor\":null");
    }

    @Test
    void concurrentCreateOnlyPutsCreateExactlyOnce() throws Exception {
        assertThat(putEmployee("C-2").statusCode()).isEqualTo(201);

        List<Integer> statuses = concurrently(writer -> service.put(recordPath("C-2", "2026-11-03"),
                "{\"status\":\"Present\",\"note\":\"writer " + writer + "\"}", "If-None-Match", "*").statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(WRITERS - 1);
    }

    @Test
    void v1AndV2ShareOneStore() {
        assertThat(service.create("S-1", "Ada Lovelace", "Present", "2026-11-04").statusCode()).isEqualTo(200);
        HttpResponse<String> throughV2 = service.get(recordPath("S-1", "2026-11-04"));
        assertThat(throughV2.statusCode()).isEqualTo(200);
        assertThat(throughV2.body()).contains("\"status\":\"Present\"", "\"source\":\"V1\"");

        assertThat(service.put(recordPath("S-1", "2026-11-05"), "{\"status\":\"Work From Home\"}").statusCode())
                .isEqualTo(201);
        assertThat(service.get("/api/v1/attendance/search?id=S-1").body())
                .contains("\"status\":\"Work From Home\"", "\"date\":\"2026-11-05\"");
    }

    @Test
    void anInstantIsStoredExactlyAsTheAnswerShowsItOrRefusedNamingItsField() {
        assertThat(putEmployee("T-1").statusCode()).isEqualTo(201);
        HttpResponse<String> created = service.put(recordPath("T-1", "2026-11-06"),
                "{\"status\":\"Present\",\"checkIn\":\"2026-11-06T08:00:00.123456+01:00\"}");
        HttpResponse<String> tooFine = service.put(recordPath("T-1", "2026-11-07"),
                "{\"status\":\"Present\",\"checkIn\":\"2026-11-07T23:59:59.9999996Z\"}");
        HttpResponse<String> beyondTheStore = service.deliberatelyInvalid().get(
                "/api/v2/attendance?from=2026-11-01&to=2026-11-30&updatedSince=%2B300000-01-01T00:00:00Z");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"checkIn\":\"2026-11-06T07:00:00.123456Z\"");
        assertThat(service.get(recordPath("T-1", "2026-11-06")).body()).contains("\"checkIn\":\"2026-11-06T07:00:00.123456Z\"");
        assertThat(tooFine.statusCode()).isEqualTo(400);
        assertThat(tooFine.body()).contains("\"field\":\"checkIn\"");
        assertThat(service.get(recordPath("T-1", "2026-11-07")).statusCode()).isEqualTo(404);
        assertThat(beyondTheStore.statusCode()).isEqualTo(400);
        assertThat(beyondTheStore.body()).contains("\"field\":\"updatedSince\"");
    }

    /** Each writer's HTTP status, all writers released at the same moment. */
    private static List<Integer> concurrently(IntFunction<Integer> writer) throws Exception {
        return AllAtOnce.outcomes(WRITERS, index -> () -> writer.apply(index)).stream()
                .map(Integer.class::cast)
                .toList();
    }
}
