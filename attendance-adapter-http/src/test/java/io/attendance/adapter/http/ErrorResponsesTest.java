package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.error.ValidationFailed;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How every kind of failure reaches a client: a status, a JSON message, never internals. */
class ErrorResponsesTest {
    private FailingAttendanceRecords records;

    @RegisterExtension
    final RunningApi server = RunningApi.start(RunningApi.SETTINGS, inMemory -> records = new FailingAttendanceRecords(inMemory));

    /**
     * Each domain error a v1 route can meet, failing the read of a record: a search's, or the one a
     * create makes of the day it writes (a conflict is a write's). No v1 route has a precondition.
     */
    static Stream<Arguments> domainErrors() {
        return Stream.of(
                Arguments.of(new ValidationFailed("id", "is not what we expected"), 400, "id is not what we expected", false),
                Arguments.of(new NotFound("no such employee"), 404, "no such employee", false),
                Arguments.of(new Forbidden("not your team"), 403, "not your team", false),
                Arguments.of(new Conflict("changed meanwhile"), 409, "changed meanwhile", true),
                Arguments.of(new Unavailable("pool of db-primary.internal exhausted", new IllegalStateException("timeout")),
                        503, ErrorResponses.UNAVAILABLE, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("domainErrors")
    void eachDomainErrorHasItsStatusAndAV1Message(RuntimeException error, int status, String message, boolean onCreate) {
        records.failLookUpsWith(error);

        Reply reply = onCreate ? server.create("E-1", "Ada", "Present", "2026-11-27") : server.search("E-1");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.message()).isEqualTo(message);
        if (status == 400) {
            // the service this replaces names its validation failures so, and its clients read it
            assertThat(reply.json().get("error").asText()).isEqualTo("Validation Error");
            assertThat(reply.json().size()).isEqualTo(2);
        } else {
            assertThat(reply.json().size()).isEqualTo(1);
        }
        assertNoInternals(reply);
    }

    @Test
    void aV1MessageNamesAtMostTheCapOfFieldErrors() {
        records.failLookUpsWith(new ValidationFailed(IntStream.range(0, 150)
                .mapToObj(i -> new FieldError("f" + i, "is wrong")).toList()));

        Reply reply = server.search("E-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("f99 is wrong").doesNotContain("f100 ")
                .endsWith("; errors 50 more left out");
    }

    static Stream<Throwable> unexpectedFailures() {
        return Stream.of(
                new IllegalStateException("password=hunter2 at db-primary.internal"),
                new StackOverflowError("deep in io.attendance.Secret"));
    }

    @ParameterizedTest
    @MethodSource("unexpectedFailures")
    void anUnexpectedFailureIsA500WithoutDetails(Throwable failure) {
        records.failLookUpsWith(failure);

        Reply reply = server.search("E-1");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void anUnknownRouteIsA404InJson() {
        Reply reply = server.get("/api/v1/attendance/nothing-here?id=1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.message()).isEqualTo("Not found");
    }

    @Test
    void aKnownRouteWithTheWrongMethodIsA405InJsonThatSaysWhichMethodsAreAllowed() {
        Reply getCreate = server.get(V1AttendanceEndpoints.CREATE);
        Reply deleteSearch = server.send(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH)).DELETE());

        assertThat(getCreate.status()).isEqualTo(405);
        assertThat(getCreate.message()).isEqualTo("Method not allowed");
        assertThat(getCreate.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(deleteSearch.status()).isEqualTo(405);
        assertThat(deleteSearch.contentType()).startsWith("application/json");
    }

    @Test
    void aRequestJettyCannotParseIsA400InJson() throws IOException {
        String reply = server.raw("GET /health/live HTTP/1.1\r\nHost: localhost\r\nthis is no header\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).contains("application/json");
        assertThat(reply).contains("{\"error\":\"Validation Error\",\"message\":\"Bad Request\"}");
        assertThat(reply).doesNotContain("org.eclipse").doesNotContain("Exception");
    }

    @Test
    void anAmbiguousPathIsAnsweredInJson() throws IOException {
        String reply = server.raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply).matches("(?s)HTTP/1.1 4\\d\\d .*");
        // Jetty cannot read such a request line, so its path is unknown: a problem with the v1 message
        assertThat(reply).contains("application/problem+json").contains("\"message\":");
        assertThat(reply).doesNotContain("org.eclipse").doesNotContain("Exception").doesNotContain("root:");
    }

    private static void assertNoInternals(Reply reply) {
        assertThat(reply.body())
                .doesNotContain("Exception")
                .doesNotContain("io.attendance")
                .doesNotContain("db-primary")
                .doesNotContain("\tat ");
    }
}
