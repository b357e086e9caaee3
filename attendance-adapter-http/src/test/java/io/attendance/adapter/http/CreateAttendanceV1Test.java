package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/attendance/create over real HTTP. */
class CreateAttendanceV1Test {
    private static final String SQL = "x' OR '1'='1";
    private static final String ID_OF_65 = "E".repeat(65);

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @Test
    void aNewEmployeesDayIsRecordedAndAnsweredWithTheOriginalMessage() {
        Reply created = server.create("E-1", "Ada Lovelace", "Present", "2026-11-27");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.body())
                .isEqualTo("{\"message\":\"Successfully created the record for the employee id: $E-1\"}");
        assertThat(server.search("E-1").body())
                .isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-27\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Present", "absent", "HALF_DAY", "half-day", "work from home", "On Leave"})
    void statusIsUnderstoodAsPeopleTypeIt(String typed) {
        assertThat(server.create("E-1", "Ada", typed, "2026-11-27").status()).isEqualTo(200);
    }

    @Test
    void theStatusIsAnsweredWithItsLabel() {
        server.create("E-1", "Ada", "HALF_DAY", "2026-11-27");

        assertThat(server.search("E-1").json().get("status").asText()).isEqualTo("Half Day");
    }

    @Test
    void aKnownEmployeeNeedsNoNameAndKeepsTheirs() {
        server.create("E-1", "Ada Lovelace", "Present", "2026-11-26");

        Reply second = server.create("E-1", null, "Absent", "2026-11-27");

        assertThat(second.status()).isEqualTo(200);
        assertThat(server.search("E-1").json().get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aNewEmployeeWithoutANameIsRejected() {
        Reply rejected = server.create("E-1", null, "Present", "2026-11-27");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.message()).isEqualTo("name is required for a new employee");
        assertNothingStored();
    }

    @Test
    void aSecondRecordForTheSameDayIsAConflictAndKeepsTheFirst() {
        server.create("E-1", "Ada Lovelace", "Present", "2026-11-27");

        Reply again = server.create("E-1", "Ada King", "Absent", "2026-11-27");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("E-1").contains("2026-11-27");
        assertThat(server.search("E-1").body())
                .isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-27\"}");
        assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).json()).hasSize(1);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Reply created = server.post(V1AttendanceEndpoints.CREATE,
                "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\","
                        + "\"department\":\"R&D\",\"extra\":{\"nested\":[1,2]}}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(server.search("E-1").json().has("department")).isFalse();
    }

    @Test
    void textThatLooksLikeSqlIsStoredAndAnsweredLiterallyInTheName() {
        String name = SQL + "; DROP TABLE employees; --";

        assertThat(server.create("E-1", name, "Present", "2026-11-27").status()).isEqualTo(200);

        assertThat(server.search("E-1").json().get("name").asText()).isEqualTo(name);
        assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).json().get(0).get("name").asText()).isEqualTo(name);
    }

    @Test
    void aRecordUpToAYearAheadIsAccepted() {
        assertThat(server.create("E-1", "Ada", "On Leave", "2027-11-29").status()).isEqualTo(200);
    }

    static Stream<Arguments> rejectedBodies() {
        return Stream.of(
                Arguments.of("no id", "{\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\"}", "id is required"),
                Arguments.of("an empty id", body("", "Ada", "Present", "2026-11-27"), "id is required"),
                Arguments.of("an id with a space", body("E 1", "Ada", "Present", "2026-11-27"),
                        "id may contain only letters, digits, '.', '_' and '-'"),
                Arguments.of("an id of 65 characters", body(ID_OF_65, "Ada", "Present", "2026-11-27"),
                        "id must be at most 64 characters"),
                Arguments.of("SQL in the id", body(SQL, "Ada", "Present", "2026-11-27"),
                        "id may contain only letters, digits, '.', '_' and '-'"),
                Arguments.of("an unknown status", body("E-1", "Ada", "Foo", "2026-11-27"),
                        "status must be one of: Present, Absent, Half Day, On Leave, Work From Home, Holiday"),
                Arguments.of("SQL in the status", body("E-1", "Ada", SQL, "2026-11-27"), "status must be one of"),
                Arguments.of("no status", "{\"id\":\"E-1\",\"name\":\"Ada\",\"date\":\"2026-11-27\"}", "status is required"),
                Arguments.of("month 13, day 45", body("E-1", "Ada", "Present", "2026-13-45"),
                        "date must be a calendar date written YYYY-MM-DD"),
                Arguments.of("a day/month/year date", body("E-1", "Ada", "Present", "27/11/2026"),
                        "date must be a calendar date written YYYY-MM-DD"),
                Arguments.of("an empty date", body("E-1", "Ada", "Present", ""), "date is required"),
                Arguments.of("SQL in the date", body("E-1", "Ada", "Present", SQL),
                        "date must be a calendar date written YYYY-MM-DD"),
                Arguments.of("a date beyond today + 366 days", body("E-1", "Ada", "Present", "2040-01-01"),
                        "date must not be after 2027-11-29"),
                Arguments.of("a date the day after the window", body("E-1", "Ada", "Present", "2027-11-30"),
                        "date must not be after 2027-11-29"),
                Arguments.of("a date before 1970", body("E-1", "Ada", "Present", "1969-12-31"),
                        "date must not be before 1970-01-01"),
                Arguments.of("a control character in the name", body("E-1", "Ada\u0007", "Present", "2026-11-27"),
                        "name must not contain control characters"),
                Arguments.of("a number for the id", "{\"id\":42,\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\"}",
                        "id must be a JSON string, was a number"),
                Arguments.of("an object for the status",
                        "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":{\"value\":\"Present\"},\"date\":\"2026-11-27\"}",
                        "status must be a JSON string, was an object"),
                Arguments.of("an array for the name", "{\"id\":\"E-1\",\"name\":[\"Ada\"],\"status\":\"Present\",\"date\":\"2026-11-27\"}",
                        "name must be a JSON string, was an array"),
                Arguments.of("a boolean for the date", "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":true}",
                        "date must be a JSON string, was a boolean"),
                Arguments.of("a body that is not JSON", "id=E-1&status=Present", "body is not valid JSON"),
                Arguments.of("a truncated JSON object", "{\"id\":\"E-1\",\"name\":\"Ada\"", "body is not valid JSON"),
                Arguments.of("a JSON object followed by more", body("E-1", "Ada", "Present", "2026-11-27") + " {}",
                        "body is not valid JSON"),
                Arguments.of("a duplicated field", "{\"id\":\"E-1\",\"id\":\"E-2\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\"}",
                        "body is not valid JSON"),
                Arguments.of("a JSON array", "[" + body("E-1", "Ada", "Present", "2026-11-27") + "]",
                        "body must be a JSON object, was an array"),
                Arguments.of("a JSON string", "\"E-1\"", "body must be a JSON object, was a string"),
                Arguments.of("JSON null", "null", "body must be a JSON object, was null"),
                Arguments.of("an empty body", "", "body is required"),
                Arguments.of("a body of blanks", "  \n ", "body is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedBodies")
    void aRejectedCreateIsA400ThatSaysWhyAndStoresNothing(String description, String body, String expectedMessage) {
        Reply rejected = server.deliberatelyInvalid().post(V1AttendanceEndpoints.CREATE, body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/json");
        assertThat(rejected.json().fieldNames()).toIterable().containsExactly("error", "message");
        assertThat(rejected.json().get("error").asText()).isEqualTo("Validation Error");
        assertThat(rejected.message()).contains(expectedMessage);
        assertNothingStored();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Reply rejected = server.deliberatelyInvalid().create("E 1", "", "Foo", "27/11/2026");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.message())
                .contains("id may contain only")
                .contains("name is required")
                .contains("status must be one of")
                .contains("date must be a calendar date");
    }

    @Test
    void aBodyOfTwoMebibytesIs413WithAJsonMessageAndStoresNothing() {
        Reply refused = server.post(V1AttendanceEndpoints.CREATE, bodyOfSize(2 * 1024 * 1024));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.message()).isEqualTo("Request body exceeds the limit of 1048576 bytes");
        assertNothingStored();
    }

    @Test
    void aTooLargeBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws IOException {
        // raw socket: the JDK 17 HttpClient waits forever for a 100 when expectContinue meets a final status
        try (Socket socket = new Socket("127.0.0.1", server.api.port())) {
            socket.setSoTimeout(Math.toIntExact(RunningApi.PATIENCE.toMillis()));
            socket.getOutputStream().write(("POST " + V1AttendanceEndpoints.CREATE + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\n" + server.credentialLines()
                    + "Content-Length: 2097152\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = RawHttp.checkedAnswer("POST", V1AttendanceEndpoints.CREATE, socket.getInputStream().readAllBytes());

            assertThat(reply).startsWith("HTTP/1.1 413 ");
            assertThat(reply).endsWith("{\"message\":\"Request body exceeds the limit of 1048576 bytes\"}");
        }
        assertNothingStored();
    }

    @Test
    void aTooLargeChunkedBodyWithoutContentLengthIs413() {
        byte[] body = bodyOfSize(2 * 1024 * 1024);
        Reply refused = server.send(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.CREATE))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(refused.status()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void aBodyJustUnderTheLimitIsReadWhole() {
        Reply created = server.post(V1AttendanceEndpoints.CREATE, bodyOfSize(1024 * 1024));

        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void theBodyLimitIsConfigurable() {
        try (RunningApi small = RunningApi.start(new HttpSettings(0, 100, Duration.ZERO), records -> records)) {
            Reply fits = small.create("E-1", "Ada", "Present", "2026-11-27");
            Reply refused = small.post(V1AttendanceEndpoints.CREATE, bodyOfSize(101));

            assertThat(fits.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.message()).isEqualTo("Request body exceeds the limit of 100 bytes");
        }
    }

    private void assertNothingStored() {
        assertThat(server.search("E-1").status()).isEqualTo(404);
        assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).body()).isEqualTo("[]");
    }

    private static String body(String id, String name, String status, String date) {
        return "{\"id\":" + quoted(id) + ",\"name\":" + quoted(name)
                + ",\"status\":" + quoted(status) + ",\"date\":" + quoted(date) + "}";
    }

    private static String quoted(String value) {
        try {
            return RunningApi.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid create body of exactly {@code size} bytes, padded with an unknown field. */
    static byte[] bodyOfSize(int size) {
        String start = "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\",\"padding\":\"";
        String end = "\"}";
        String padding = "x".repeat(size - start.length() - end.length());
        byte[] body = (start + padding + end).getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }
}
