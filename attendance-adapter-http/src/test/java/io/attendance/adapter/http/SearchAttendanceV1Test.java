package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.testing.ForwardingAttendanceRecords;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** GET /api/v1/attendance/search and /search/all over real HTTP. */
class SearchAttendanceV1Test {

    @Test
    void theLatestRecordIsTheOneWithTheLatestDate() {
        try (RunningApi server = RunningApi.start()) {
            server.create("E-1", "Ada", "Present", "2026-11-27");
            server.create("E-1", null, "Absent", "2026-11-02");

            Reply latest = server.search("E-1");

            assertThat(latest.status()).isEqualTo(200);
            assertThat(latest.body()).isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\"}");
        }
    }

    @Test
    void aSearchWithoutIdIsA400WithTheOriginalMessage() {
        try (RunningApi server = RunningApi.start()) {
            for (String query : new String[] {"", "?id=", "?other=E-1"}) {
                Reply rejected = server.deliberatelyInvalid().get(V1AttendanceEndpoints.SEARCH + query);

                assertThat(rejected.status()).isEqualTo(400);
                assertThat(rejected.body()).isEqualTo("{\"message\":\"Unable to process request, please check query params \"}");
            }
        }
    }

    @Test
    void aMalformedIdIsA400ThatSaysWhatIsWrong() {
        try (RunningApi server = RunningApi.start()) {
            Reply withSpace = server.deliberatelyInvalid().search("E 1");
            Reply tooLong = server.deliberatelyInvalid().search("E".repeat(65));
            Reply sql = server.deliberatelyInvalid().search("x' OR '1'='1");

            assertThat(withSpace.status()).isEqualTo(400);
            assertThat(withSpace.body()).isEqualTo(
                    "{\"error\":\"Validation Error\",\"message\":\"id may contain only letters, digits, '.', '_' and '-'\"}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.message()).isEqualTo("id must be at most 64 characters");
            assertThat(sql.status()).isEqualTo(400);
            assertThat(sql.message()).isEqualTo("id may contain only letters, digits, '.', '_' and '-'");
        }
    }

    @Test
    void anUnknownEmployeeIsA404WithAMessage() {
        try (RunningApi server = RunningApi.start()) {
            Reply unknown = server.search("nobody");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/json");
            assertThat(unknown.message()).isEqualTo("No attendance record found for the employee id: nobody");
        }
    }

    @Test
    void searchAllListsEveryRecordByEmployeeThenDate() {
        try (RunningApi server = RunningApi.start()) {
            server.create("B-2", "Bob", "On Leave", "2026-11-03");
            server.create("A-1", "Ada", "Present", "2026-11-02");
            server.create("A-1", null, "Holiday", "2026-11-01");

            Reply all = server.get(V1AttendanceEndpoints.SEARCH_ALL);

            assertThat(all.status()).isEqualTo(200);
            assertThat(all.contentType()).startsWith("application/json");
            assertThat(all.body()).isEqualTo("["
                    + "{\"id\":\"A-1\",\"name\":\"Ada\",\"status\":\"Holiday\",\"date\":\"2026-11-01\"},"
                    + "{\"id\":\"A-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-02\"},"
                    + "{\"id\":\"B-2\",\"name\":\"Bob\",\"status\":\"On Leave\",\"date\":\"2026-11-03\"}]");
        }
    }

    @Test
    void aSecondSearchAllIsTheFirstOneByteForByteFromTheCacheWithoutReadingTheRecordsAgain() {
        AtomicInteger scans = new AtomicInteger();
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS, records -> new ForwardingAttendanceRecords(records) {
            @Override
            public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
                if (after.isEmpty()) {
                    scans.incrementAndGet();
                }
                return super.withEmployeeAfter(after, limit);
            }
        })) {
            server.create("A-1", "Ada \u00e9\u4e2d", "Present", "2026-11-02");
            server.create("B-2", "Bob", "Absent", "2026-11-02");

            Reply streamed = server.get(V1AttendanceEndpoints.SEARCH_ALL);
            Reply cached = server.get(V1AttendanceEndpoints.SEARCH_ALL);

            assertThat(scans.get()).isEqualTo(1);
            assertThat(cached.status()).isEqualTo(200);
            assertThat(cached.contentType()).startsWith("application/json");
            assertThat(cached.body()).isEqualTo(streamed.body()).contains("Ada \u00e9\u4e2d");
            assertThat(cached.headers().firstValue("Content-Length"))
                    .contains(String.valueOf(streamed.body().getBytes(StandardCharsets.UTF_8).length));

            server.create("C-3", "Cy", "Holiday", "2026-11-02");
            assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).json()).hasSize(3);
            assertThat(scans.get()).isEqualTo(2);
        }
    }

    @Test
    void aCachedSearchAllIsGzippedForAClientThatAsksAndUntouchedForOneThatDoesNot() throws Exception {
        try (RunningApi server = RunningApi.start()) {
            server.create("A-1", "Ada \u00e9\u4e2d", "Present", "2026-11-02");
            server.create("B-2", "Bob", "Absent", "2026-11-02");
            byte[] streamed = searchAll(server).body();

            HttpResponse<byte[]> identity = searchAll(server);
            HttpResponse<byte[]> gzipped = searchAll(server, "Accept-Encoding", "gzip");
            HttpResponse<byte[]> gzippedAgain = searchAll(server, "Accept-Encoding", "gzip");

            assertThat(identity.body()).isEqualTo(streamed);
            assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(identity.headers().firstValue("Content-Length")).contains(String.valueOf(streamed.length));
            assertThat(identity.headers().allValues("Vary")).contains("Accept-Encoding");
            for (HttpResponse<byte[]> answer : List.of(gzipped, gzippedAgain)) {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(answer.headers().firstValue("Content-Encoding")).contains("gzip");
                assertThat(answer.headers().allValues("Vary")).contains("Accept-Encoding");
                assertThat(GzippedCopyTest.gunzip(answer.body())).isEqualTo(streamed);
            }
            assertThat(gzippedAgain.body()).isEqualTo(gzipped.body());
        }
    }

    private static HttpResponse<byte[]> searchAll(RunningApi server, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH_ALL))
                .timeout(RunningApi.PATIENCE);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.client().send(server.authorized(request.build()), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void searchAllOfNothingIsAnEmptyArray() {
        try (RunningApi server = RunningApi.start()) {
            assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).body()).isEqualTo("[]");
        }
    }

    @Test
    void fiftyThousandRecordsStreamBackAsOneJsonArray() {
        int count = 50_000;
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS, ignored -> GeneratedAttendanceRecords.of(count))) {
            Reply all = server.get(V1AttendanceEndpoints.SEARCH_ALL);

            assertThat(all.status()).isEqualTo(200);
            assertThat(all.headers().firstValue("Content-Length")).isEmpty();
            assertThat(all.headers().firstValue("Transfer-Encoding")).contains("chunked");
            JsonNode array = all.json();
            assertThat(array.isArray()).isTrue();
            assertThat(array).hasSize(count);
            assertThat(array.get(0).get("id").asText()).isEqualTo(GeneratedAttendanceRecords.idOf(0));
            assertThat(array.get(count - 1).get("id").asText()).isEqualTo(GeneratedAttendanceRecords.idOf(count - 1));
            assertThat(array.get(count - 1).get("date").asText())
                    .isEqualTo(GeneratedAttendanceRecords.recordOf(count - 1).record().date().toString());
        }
    }

    @Test
    void theClientReadsTheFirstRecordsWhileTheRestAreStillBeingRead() throws Exception {
        GeneratedAttendanceRecords records = GeneratedAttendanceRecords.pausingAt(40_000, 20_000);
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS, ignored -> records)) {
            HttpResponse<InputStream> response = server.client().send(
                    server.authorized(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH_ALL)).build()),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                assertThat(records.paused.await(10, TimeUnit.SECONDS)).isTrue();
                byte[] first = body.readNBytes(64 * 1024);

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(new String(first, StandardCharsets.UTF_8))
                        .startsWith("[{\"id\":\"" + GeneratedAttendanceRecords.idOf(0) + "\"");

                records.release.countDown();
                JsonNode rest = RunningApi.JSON.readTree(concat(first, body.readAllBytes()));
                assertThat(rest).hasSize(40_000);
            }
        }
    }

    @Test
    void aDatabaseFailureBeforeTheFirstRecordIsA503() {
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS,
                ignored -> GeneratedAttendanceRecords.failingAt(10, 0))) {
            Reply failed = server.get(V1AttendanceEndpoints.SEARCH_ALL);

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.message()).isEqualTo(ErrorResponses.UNAVAILABLE);
            assertThat(failed.body()).doesNotContain("db-primary");
        }
    }

    @Test
    void aDatabaseFailureInTheMiddleOfTheStreamAbortsTheResponseInsteadOfEndingTheArray() {
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS,
                ignored -> GeneratedAttendanceRecords.failingAt(50_000, 30_000))) {
            Throwable failure = catchThrowable(() -> {
                Reply reply = server.get(V1AttendanceEndpoints.SEARCH_ALL);
                RunningApi.JSON.readTree(reply.body());
            });

            assertThat(failure).isNotNull();
            assertThat(failure).satisfiesAnyOf(
                    thrown -> assertThat(thrown).hasRootCauseInstanceOf(IOException.class),
                    thrown -> assertThat(thrown).isInstanceOf(IOException.class));
            assertThat(server.get(OperationsEndpoints.LIVE).status()).isEqualTo(200);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
