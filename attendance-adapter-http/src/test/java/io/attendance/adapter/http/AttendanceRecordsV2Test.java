package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PUT, GET, DELETE of one day's record, an employee's range, and the record's history, over real HTTP. */
class AttendanceRecordsV2Test {
    private static final String DAY = "2026-11-27";
    private static final String FULL_DAY = "{\"status\":\"present\",\"checkIn\":\"2026-11-27T08:30:00+01:00\","
            + "\"checkOut\":\"2026-11-27T17:00:00+01:00\",\"note\":\"On site\"}";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void adaIsAnEmployee() {
        assertThat(server.putEmployee("E-1", "Ada").status()).isEqualTo(201);
    }

    @Test
    void aNewRecordIs201WithItsLocationItsETagAndEveryField() {
        Reply created = server.putRecord("E-1", DAY, FULL_DAY);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v2/employees/E-1/attendance/2026-11-27");
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body()).isEqualTo("{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\","
                + "\"checkIn\":\"2026-11-27T07:30:00Z\",\"checkOut\":\"2026-11-27T16:00:00Z\",\"workedMinutes\":510,"
                + "\"note\":\"On site\",\"source\":\"API\",\"version\":1,"
                + "\"createdAt\":\"2026-11-28T09:30:00Z\",\"updatedAt\":\"2026-11-28T09:30:00Z\"}");
    }

    @Test
    void whatARecordDoesNotSayIsNull() {
        JsonNode created = server.putRecord("E-1", DAY, "{\"status\":\"HALF_DAY\"}").json();

        assertThat(created.get("status").asText()).isEqualTo("Half Day");
        for (String absent : new String[] {"checkIn", "checkOut", "workedMinutes", "note"}) {
            assertThat(created.get(absent).isNull()).as(absent).isTrue();
        }
    }

    @Test
    void aReplacementIs200WithTheNextVersion() {
        server.putRecord("E-1", DAY, FULL_DAY);
        server.clock.advance(Duration.ofMinutes(5));

        Reply replaced = server.putRecord("E-1", DAY, "{\"status\":\"Absent\",\"note\":\"Sick\"}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("Location")).isNull();
        assertThat(replaced.etag()).isEqualTo("\"2\"");
        assertThat(replaced.json().get("status").asText()).isEqualTo("Absent");
        assertThat(replaced.json().get("checkIn").isNull()).isTrue();
        assertThat(replaced.json().get("updatedAt").asText()).isEqualTo("2026-11-28T09:35:00Z");
        assertThat(server.get(record("E-1", DAY)).body()).isEqualTo(replaced.body());
    }

    @Test
    void rewritingTheSameContentChangesNothing() {
        server.putRecord("E-1", DAY, FULL_DAY);

        Reply again = server.putRecord("E-1", DAY, FULL_DAY);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.etag()).isEqualTo("\"1\"");
        assertThat(server.get(record("E-1", DAY) + "/history").json().get("items")).hasSize(1);
    }

    @Test
    void aGetAnswersTheRecordWithItsETag() {
        server.putRecord("E-1", DAY, FULL_DAY);

        Reply found = server.get(record("E-1", DAY));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.etag()).isEqualTo("\"1\"");
        assertThat(found.json().get("workedMinutes").asLong()).isEqualTo(510);
    }

    @Test
    void aMissingRecordIsA404Problem() {
        Reply missing = server.get(record("E-1", DAY));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(server.delete(record("E-1", DAY)).status()).isEqualTo(404);
    }

    @Test
    void aDeleteIs204AndTheRecordIsGone() {
        server.putRecord("E-1", DAY, FULL_DAY);

        Reply deleted = server.delete(record("E-1", DAY));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.get(record("E-1", DAY)).status()).isEqualTo(404);
        assertThat(server.delete(record("E-1", DAY)).status()).isEqualTo(404);
    }

    @Test
    void aRecordForAnUnknownEmployeeIsA404AndStoresNothing() {
        Reply rejected = server.putRecord("E-2", DAY, FULL_DAY);

        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(server.get(employee("E-2")).status()).isEqualTo(404);
        assertThat(server.get(record("E-2", DAY)).status()).isEqualTo(404);
    }

    static Stream<Arguments> rejectedRecords() {
        return Stream.of(
                Arguments.of("an unknown status", DAY, "{\"status\":\"Foo\"}",
                        "status must be one of: Present, Absent, Half Day, On Leave, Work From Home, Holiday"),
                Arguments.of("no status", DAY, "{\"note\":\"x\"}", "status is required"),
                Arguments.of("month 13 in the path", "2026-13-45", "{\"status\":\"Present\"}",
                        "date must be a calendar date written YYYY-MM-DD"),
                Arguments.of("a day/month/year path", "27.11.2026", "{\"status\":\"Present\"}",
                        "date must be a calendar date written YYYY-MM-DD"),
                Arguments.of("a date beyond the booking window", "2040-01-01", "{\"status\":\"Present\"}",
                        "date must not be after 2027-11-29"),
                Arguments.of("a check-out before the check-in", DAY,
                        "{\"status\":\"Present\",\"checkIn\":\"2026-11-27T17:00:00Z\",\"checkOut\":\"2026-11-27T08:00:00Z\"}",
                        "checkOut must be after checkIn"),
                Arguments.of("a check-in without an offset", DAY, "{\"status\":\"Present\",\"checkIn\":\"2026-11-27T08:00:00\"}",
                        "checkIn must be an ISO-8601 date-time with an offset"),
                Arguments.of("a check-in on another day", DAY, "{\"status\":\"Present\",\"checkIn\":\"2026-11-26T08:00:00Z\"}",
                        "checkIn must fall on 2026-11-27 in the employee's time zone UTC"),
                Arguments.of("a check-in in the last year an offset date-time can say", DAY,
                        "{\"status\":\"Present\",\"checkIn\":\"+999999999-12-31T23:59:59-18:00\"}",
                        "checkIn must be a date-time from 1969-12-31 to 9999-12-31 UTC"),
                Arguments.of("a check-out in the year 300000", DAY,
                        "{\"status\":\"Present\",\"checkOut\":\"+300000-01-01T00:00:00Z\"}",
                        "checkOut must be a date-time from 1969-12-31 to 9999-12-31 UTC"),
                Arguments.of("a check-in finer than the microsecond the store keeps", DAY,
                        "{\"status\":\"Present\",\"checkIn\":\"2026-11-27T23:59:59.9999996Z\"}",
                        "checkIn must not be finer than a microsecond: at most 6 digits after the second"),
                Arguments.of("a check-out in the year 1", DAY,
                        "{\"status\":\"Present\",\"checkOut\":\"0001-01-01T00:00:00Z\"}",
                        "checkOut must be a date-time from 1969-12-31 to 9999-12-31 UTC"),
                Arguments.of("punches on a day off", DAY, "{\"status\":\"Holiday\",\"checkIn\":\"2026-11-27T08:00:00Z\"}",
                        "checkIn is not allowed when the status is Holiday"),
                Arguments.of("a note of 501 characters", DAY, "{\"status\":\"Present\",\"note\":\"" + "n".repeat(501) + "\"}",
                        "note must be at most 500 characters"),
                Arguments.of("a number for the status", DAY, "{\"status\":1}", "status must be a JSON string, was a number"),
                Arguments.of("an array for the note", DAY, "{\"status\":\"Present\",\"note\":[\"x\"]}",
                        "note must be a JSON string, was an array"),
                Arguments.of("a number for the check-in", DAY, "{\"status\":\"Present\",\"checkIn\":1764230400}",
                        "checkIn must be a JSON string, was a number"),
                Arguments.of("a body that is not JSON", DAY, "status=Present", "body is not valid JSON"),
                Arguments.of("a truncated body", DAY, "{\"status\":\"Present\"", "body is not valid JSON"),
                Arguments.of("a JSON string body", DAY, "\"Present\"", "body must be a JSON object, was a string"),
                Arguments.of("an empty body", DAY, "", "body is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRecords")
    void aRejectedRecordIsA400ProblemNamingTheFieldAndStoresNothing(String description, String date, String body, String error) {
        Reply rejected = server.deliberatelyInvalid().putRecord("E-1", date, body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("title").asText()).isEqualTo("Bad Request");
        assertThat(rejected.fieldErrors()).anySatisfy(message -> assertThat(message).startsWith(error));
        assertThat(server.get(employee("E-1") + "/attendance?from=2026-11-01&to=2026-11-30").json()).isEmpty();
        assertThat(server.get(V2Paths.RECORDS + "?from=2026-06-01&to=2027-06-01").json().get("items")).isEmpty();
    }

    @Test
    void theRangeOfAnEmployeeListsTheirRecordsInItByDate() {
        server.putEmployee("E-2", "Alan");
        for (String date : new String[] {"2026-11-30", "2026-11-02", "2026-10-31", "2026-12-01", "2026-11-15"}) {
            server.putRecord("E-1", date, "{\"status\":\"Present\"}");
        }
        server.putRecord("E-2", "2026-11-10", "{\"status\":\"Present\"}");

        Reply range = server.get(employee("E-1") + "/attendance?from=2026-11-01&to=2026-11-30");

        assertThat(range.status()).isEqualTo(200);
        assertThat(dates(range.json())).containsExactly("2026-11-02", "2026-11-15", "2026-11-30");
        assertThat(server.get(employee("E-1") + "/attendance?from=2026-11-16&to=2026-11-16").json()).isEmpty();
    }

    static Stream<Arguments> rejectedRanges() {
        return Stream.of(
                Arguments.of("no from", "?to=2026-11-30", List.of("from is required: a date written YYYY-MM-DD")),
                Arguments.of("neither", "", List.of("from is required: a date written YYYY-MM-DD",
                        "to is required: a date written YYYY-MM-DD")),
                Arguments.of("a bad from", "?from=2026-02-30&to=2026-03-01", List.of("from must be a calendar date written YYYY-MM-DD")),
                Arguments.of("to before from", "?from=2026-11-30&to=2026-11-01", List.of("to must not be before from")),
                Arguments.of("367 days", "?from=2025-01-01&to=2026-01-03", List.of("to must be at most 366 days after from")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRanges")
    void aBadRangeIsA400NamingTheParameter(String description, String query, List<String> errors) {
        Reply rejected = server.deliberatelyInvalid().get(employee("E-1") + "/attendance" + query);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.fieldErrors()).containsExactlyElementsOf(errors);
    }

    @Test
    void a366DayRangeIsAccepted() {
        assertThat(server.get(employee("E-1") + "/attendance?from=2025-01-01&to=2026-01-02").status()).isEqualTo(200);
    }

    @Test
    void theRangeOfAnUnknownEmployeeIsA404() {
        assertThat(server.get(employee("E-9") + "/attendance?from=2026-11-01&to=2026-11-30").status()).isEqualTo(404);
    }

    @Test
    void theHistoryTellsCreationUpdateAndDeletionOldestFirst() {
        server.putRecord("E-1", DAY, "{\"status\":\"Present\"}");
        server.clock.advance(Duration.ofMinutes(1));
        server.putRecord("E-1", DAY, "{\"status\":\"Absent\"}");
        server.clock.advance(Duration.ofMinutes(1));
        server.delete(record("E-1", DAY));

        Reply history = server.get(record("E-1", DAY) + "/history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("nextCursor").isNull()).isTrue();
        JsonNode events = history.json().get("items");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).properties()).extracting(Map.Entry::getKey)
                .containsExactly("at", "actor", "action", "before", "after");
        assertThat(events.get(0).get("action").asText()).isEqualTo("CREATED");
        assertThat(events.get(0).get("at").asText()).isEqualTo("2026-11-28T09:30:00Z");
        assertThat(events.get(0).get("actor").asText()).isEqualTo(server.administratorKeyActor);
        assertThat(events.get(0).get("before").isNull()).isTrue();
        assertThat(events.get(0).get("after").get("status").asText()).isEqualTo("Present");
        assertThat(events.get(1).get("action").asText()).isEqualTo("UPDATED");
        assertThat(events.get(1).get("at").asText()).isEqualTo("2026-11-28T09:31:00Z");
        assertThat(events.get(1).get("before").get("version").asLong()).isEqualTo(1);
        assertThat(events.get(1).get("after").get("status").asText()).isEqualTo("Absent");
        assertThat(events.get(1).get("after").get("version").asLong()).isEqualTo(2);
        assertThat(events.get(2).get("action").asText()).isEqualTo("DELETED");
        assertThat(events.get(2).get("at").asText()).isEqualTo("2026-11-28T09:32:00Z");
        assertThat(events.get(2).get("before").get("status").asText()).isEqualTo("Absent");
        assertThat(events.get(2).get("after").isNull()).isTrue();
    }

    @Test
    void theHistoryOfARecordThatNeverExistedIsA404() {
        Reply missing = server.get(record("E-1", DAY) + "/history");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aV1CreateIsVisibleThroughV2WithItsHistory() {
        assertThat(server.create("E-7", "Grace Hopper", "On Leave", DAY).status()).isEqualTo(200);

        Reply employee = server.get(employee("E-7"));
        Reply record = server.get(record("E-7", DAY));
        Reply history = server.get(record("E-7", DAY) + "/history");

        assertThat(employee.status()).isEqualTo(200);
        assertThat(employee.json().get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(employee.json().get("timezone").asText()).isEqualTo("UTC");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.etag()).isEqualTo("\"1\"");
        assertThat(record.json().get("status").asText()).isEqualTo("On Leave");
        assertThat(record.json().get("source").asText()).isEqualTo("V1");
        assertThat(history.json().get("items")).singleElement().satisfies(event -> {
            assertThat(event.get("action").asText()).isEqualTo("CREATED");
            assertThat(event.get("actor").asText()).isEqualTo(server.administratorKeyActor);
        });
    }

    @Test
    void aV2PutIsVisibleThroughV1Search() {
        server.put(employee("E-8"), "{\"name\":\"Alan Turing\",\"department\":\"Bletchley\"}");
        server.putRecord("E-8", "2026-11-20", "{\"status\":\"Present\"}");
        server.putRecord("E-8", DAY, "{\"status\":\"work-from-home\",\"checkIn\":\"2026-11-27T09:00:00Z\"}");

        Reply latest = server.search("E-8");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body())
                .isEqualTo("{\"id\":\"E-8\",\"name\":\"Alan Turing\",\"status\":\"Work From Home\",\"date\":\"2026-11-27\"}");
        assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).body()).contains("\"id\":\"E-8\"");
    }

    private static List<String> dates(JsonNode records) {
        List<String> dates = new ArrayList<>();
        records.forEach(record -> dates.add(record.get("date").asText()));
        return dates;
    }
}
