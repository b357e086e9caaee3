package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.Unavailable;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every /api/v2 error is RFC 9457 application/problem+json; v1 keeps {"message"}. */
class ProblemResponsesV2Test {
    private static final String DAY = "2026-11-27";
    private FailingAttendanceRecords records;

    @RegisterExtension
    final RunningApi server = RunningApi.start(RunningApi.SETTINGS, inMemory -> records = new FailingAttendanceRecords(inMemory));

    @Test
    void aProblemHasTypeTitleStatusDetailAndTheFieldErrors() {
        Reply rejected = server.deliberatelyInvalid().put(employee("E-1"), "{\"name\":42,\"active\":\"yes\"}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = rejected.json();
        assertThat(problem.properties()).extracting(Map.Entry::getKey)
                .containsExactly("type", "title", "status", "detail", "errors");
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText())
                .isEqualTo("name must be a JSON string, was a number; active must be true or false, was a string");
        assertThat(problem.get("errors").get(0).properties()).extracting(Map.Entry::getKey).containsExactly("field", "message");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("must be a JSON string, was a number");
    }

    @Test
    void aProblemThatIsNotAboutFieldsHasAnEmptyErrorList() {
        Reply missing = server.get(employee("nobody"));

        assertProblem(missing, 404, "Not Found");
        assertThat(missing.json().get("detail").asText()).isEqualTo("no employee nobody");
        assertThat(missing.json().get("errors").isArray()).isTrue();
        assertThat(missing.json().get("errors")).isEmpty();
    }

    @Test
    void anUnknownV2RouteIsA404Problem() {
        assertProblem(server.get("/api/v2/nothing-here"), 404, "Not Found");
        assertProblem(server.get("/api/v2"), 404, "Not Found");
        assertProblem(server.get(employee("E-1") + "/attendance/" + DAY + "/future"), 404, "Not Found");
    }

    @Test
    void aV2RouteWithTheWrongMethodIsA405ProblemThatSaysWhichMethodsAreAllowed() {
        Reply getBatch = server.get(V2Paths.BATCH);
        Reply postEmployee = server.post(employee("E-1"), "{\"name\":\"Ada\"}");
        Reply deleteAll = server.send(HttpRequest.newBuilder(server.uri(V2Paths.EMPLOYEES)).DELETE());

        assertProblem(getBatch, 405, "Method Not Allowed");
        assertThat(getBatch.header("Allow")).contains("POST");
        assertProblem(postEmployee, 405, "Method Not Allowed");
        assertThat(postEmployee.header("Allow")).contains("PUT").contains("GET").contains("DELETE");
        assertProblem(deleteAll, 405, "Method Not Allowed");
    }

    @Test
    void anOversizeBodyIsA413ProblemAndStoresNothing() {
        server.putEmployee("E-1", "Ada");
        String padding = "x".repeat(2 * 1024 * 1024);

        Reply employee = server.put(employee("E-2"), "{\"name\":\"Bob\",\"padding\":\"" + padding + "\"}");
        Reply record = server.putRecord("E-1", DAY, "{\"status\":\"Present\",\"padding\":\"" + padding + "\"}");
        Reply batch = server.deliberatelyInvalid().post(V2Paths.BATCH, "[{\"padding\":\"" + padding + "\"}]");

        for (Reply refused : new Reply[] {employee, record, batch}) {
            assertProblem(refused, 413, "Content Too Large");
            assertThat(refused.json().get("detail").asText()).isEqualTo("Request body exceeds the limit of 1048576 bytes");
        }
        assertThat(server.get(RunningApi.employee("E-2")).status()).isEqualTo(404);
        assertThat(server.get(record("E-1", DAY)).status()).isEqualTo(404);
    }

    /** Each failure, and whether a read can meet it as well as a write: a conflict is a write's. */
    static Stream<Arguments> domainErrors() {
        return Stream.of(
                Arguments.of(new Forbidden("not your team"), 403, "Forbidden", "not your team", true),
                Arguments.of(new Conflict("too many concurrent changes to the same data; try again"), 409, "Conflict",
                        "too many concurrent changes to the same data; try again", false),
                Arguments.of(new PreconditionFailed("the stored version is 3, not 2"), 412, "Precondition Failed",
                        "the stored version is 3, not 2", true),
                Arguments.of(new Unavailable("pool of db-primary.internal exhausted", new IllegalStateException("timeout")),
                        503, "Service Unavailable", ErrorResponses.UNAVAILABLE, true),
                Arguments.of(new IllegalStateException("password=hunter2 at db-primary.internal"), 500,
                        "Internal Server Error", ErrorResponses.INTERNAL_SERVER_ERROR, true),
                Arguments.of(new StackOverflowError("deep in io.attendance.Secret"), 500,
                        "Internal Server Error", ErrorResponses.INTERNAL_SERVER_ERROR, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("domainErrors")
    void eachFailureOfAV2RouteIsAProblemWithoutInternals(Throwable failure, int status, String title, String detail,
            boolean alsoOnARead) {
        server.putEmployee("E-1", "Ada");
        records.failLookUpsWith(failure);

        List<Reply> failures = new ArrayList<>();
        if (alsoOnARead) {
            failures.add(server.get(record("E-1", DAY)));
        }
        failures.add(server.putRecord("E-1", DAY, "{\"status\":\"Present\"}"));

        for (Reply failed : failures) {
            assertProblem(failed, status, title);
            assertThat(failed.json().get("detail").asText()).isEqualTo(detail);
            assertThat(failed.body()).doesNotContain("db-primary").doesNotContain("hunter2")
                    .doesNotContain("Exception").doesNotContain("io.attendance");
        }
    }

    @Test
    void v1ErrorsKeepTheirMessageShape() {
        records.failLookUpsWith(new Unavailable("db down", new IllegalStateException()));

        Reply v1 = server.search("E-1");
        Reply unknownRoute = server.get("/api/v1/attendance/nothing");
        Reply v2 = server.get(record("E-1", DAY));

        assertThat(v1.status()).isEqualTo(503);
        assertThat(v1.contentType()).startsWith("application/json");
        assertThat(v1.body()).isEqualTo("{\"message\":\"" + ErrorResponses.UNAVAILABLE + "\"}");
        assertThat(unknownRoute.body()).isEqualTo("{\"message\":\"Not found\"}");
        assertProblem(v2, 503, "Service Unavailable");
        assertThat(v1.header("Retry-After")).as("a v1 503 says when to retry").isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(v2.header("Retry-After")).as("a v2 503 says when to retry").isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(unknownRoute.header("Retry-After")).as("only a 503 does").isNull();
        assertThat(server.get("/api/v2x").contentType()).startsWith("application/json");
    }

    @Test
    void aRequestJettyRejectsOnAV2PathIsAProblemToo() throws IOException {
        String reply = server.raw("GET /api/v2/employees HTTP/1.1\r\nHost: localhost\r\nthis is no header\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).contains("application/problem+json");
        assertThat(reply).contains("\"type\":\"about:blank\"").contains("\"status\":400").contains("\"errors\":[]");
    }

    @Test
    void aRequestLineJettyCannotReadOnAnUnknownPathIsAProblemThatAlsoCarriesTheV1Message() throws IOException {
        String tooLong = server.raw("PUT /api/v2/employees/" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        String badEscape = server.raw("GET /elsewhere/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(tooLong).startsWith("HTTP/1.1 414").contains("Content-Type: application/problem+json")
                .contains("\"status\":414").contains("\"message\":\"URI Too Long\"");
        assertThat(badEscape).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400")
                .contains("\"message\":\"Bad Request\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "E%00-1", "%u0041"})
    void aPathJettyCannotReadIsAnsweredInTheErrorShapeOfTheApiItNames(String unreadable) throws IOException {
        String v2 = server.raw("PUT /api/v2/employees/" + unreadable + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String v1 = server.raw("GET /api/v1/attendance/" + unreadable + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(v2).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .endsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Bad Request\",\"errors\":[]}");
        assertThat(v1).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                .endsWith("{\"error\":\"Validation Error\",\"message\":\"Bad Request\"}");
    }

    @Test
    void aPercentUEscapeInAPathIsA400ProblemNotA500() throws IOException {
        String reply = server.raw("DELETE /api/v2/employees/%u0041 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"status\":400");
    }

    @Test
    void theBodyLimitAppliesToV2AsConfigured() {
        try (RunningApi small = RunningApi.start(new HttpSettings(0, 40, Duration.ZERO), inMemory -> inMemory)) {
            assertThat(small.putEmployee("E-1", "Ada").status()).isEqualTo(201);
            Reply refused = small.put(employee("E-2"), "{\"name\":\"" + "B".repeat(40) + "\"}");

            assertProblem(refused, 413, "Content Too Large");
            assertThat(refused.json().get("detail").asText()).isEqualTo("Request body exceeds the limit of 40 bytes");
        }
    }

    private static void assertProblem(Reply reply, int status, String title) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").isTextual()).isTrue();
        assertThat(problem.get("errors").isArray()).isTrue();
    }
}
