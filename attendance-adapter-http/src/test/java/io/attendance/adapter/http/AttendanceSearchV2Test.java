package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GET /api/v2/attendance: filters, (date, employeeId) order, keyset pages and every bad parameter. */
class AttendanceSearchV2Test {
    private static final String NOVEMBER = V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void threeEmployeesInTwoDepartments() {
        server.put(employee("A-1"), "{\"name\":\"Ada\",\"department\":\"R&D\"}");
        server.put(employee("B-2"), "{\"name\":\"Bob\",\"department\":\"R&D\"}");
        server.put(employee("C-3"), "{\"name\":\"Cy\",\"department\":\"Sales\"}");
    }

    @Test
    void recordsComeOrderedByDateThenEmployee() {
        put("C-3", "2026-11-02", "Present");
        put("A-1", "2026-11-03", "Absent");
        put("B-2", "2026-11-02", "Half Day");
        put("A-1", "2026-11-02", "Present");
        put("A-1", "2026-12-01", "Present");

        Reply page = server.get(NOVEMBER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("application/json");
        assertThat(keys(page.json())).containsExactly(
                "2026-11-02 A-1", "2026-11-02 B-2", "2026-11-02 C-3", "2026-11-03 A-1");
        assertThat(page.json().get("nextCursor").isNull()).isTrue();
        assertThat(page.json().get("items").get(0).get("source").asText()).isEqualTo("API");
    }

    @Test
    void filtersNarrowTheListing() {
        put("A-1", "2026-11-02", "Present");
        put("B-2", "2026-11-02", "Half Day");
        put("C-3", "2026-11-02", "Half Day");
        put("A-1", "2026-11-03", "Half Day");

        assertThat(keys(server.get(NOVEMBER + "&employeeId=A-1").json())).containsExactly("2026-11-02 A-1", "2026-11-03 A-1");
        assertThat(keys(server.get(NOVEMBER + "&department=Sales").json())).containsExactly("2026-11-02 C-3");
        assertThat(keys(server.get(NOVEMBER + "&status=half-day").json()))
                .containsExactly("2026-11-02 B-2", "2026-11-02 C-3", "2026-11-03 A-1");
        assertThat(keys(server.get(NOVEMBER + "&status=HALF_DAY&department="
                + URLEncoder.encode("R&D", StandardCharsets.UTF_8)).json()))
                .containsExactly("2026-11-02 B-2", "2026-11-03 A-1");
        assertThat(keys(server.get(V2Paths.RECORDS + "?from=2026-11-03&to=2026-11-03").json()))
                .containsExactly("2026-11-03 A-1");
    }

    @Test
    void updatedSinceListsOnlyWhatChangedAtOrAfterThatInstant() {
        put("A-1", "2026-11-02", "Present");
        put("B-2", "2026-11-02", "Present");
        Instant later = server.clock.advance(Duration.ofHours(2));
        put("C-3", "2026-11-05", "Present");
        put("A-1", "2026-11-02", "Absent");

        assertThat(keys(server.get(NOVEMBER + "&updatedSince=" + later).json()))
                .containsExactly("2026-11-02 A-1", "2026-11-05 C-3");
        assertThat(keys(server.get(NOVEMBER + "&updatedSince=2026-11-28T12:30:00%2B01:00").json()))
                .containsExactly("2026-11-02 A-1", "2026-11-05 C-3");
        assertThat(keys(server.deliberatelyInvalid().get(NOVEMBER + "&updatedSince=2026-11-28T12:30:00+01:00").json()))
                .as("an unencoded '+' arrives as a space").containsExactly("2026-11-02 A-1", "2026-11-05 C-3");
        assertThat(keys(server.get(NOVEMBER + "&updatedSince=2026-11-28T11:31:00Z").json())).isEmpty();
    }

    @Test
    void walkingThePagesWithNextCursorListsEveryRecordOnceInOrder() {
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            for (String id : new String[] {"A-1", "B-2", "C-3"}) {
                String date = "2026-11-0" + day;
                put(id, date, "Present");
                expected.add(date + " " + id);
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = server.get(NOVEMBER + "&limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(5);
            seen.addAll(keys(page.json()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void theDefaultPageHoldsAHundredRecords() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"employeeId\":\"A-1\",\"date\":\"")
                    .append(LocalDate.of(2026, 1, 1).plusDays(i)).append("\",\"status\":\"Present\"}");
        }
        assertThat(server.post(V2Paths.BATCH, batch.append(']').toString()).status()).isEqualTo(200);

        Reply first = server.get(V2Paths.RECORDS + "?from=2026-01-01&to=2026-12-31");

        assertThat(first.json().get("items")).hasSize(100);
        assertThat(first.json().get("nextCursor").isTextual()).isTrue();
    }

    @Test
    void aTamperedCursorIsA400NotA500() {
        for (String id : new String[] {"A-1", "B-2", "C-3"}) {
            put(id, "2026-11-02", "Present");
        }
        String cursor = server.get(NOVEMBER + "&limit=1").json().get("nextCursor").asText();
        int dot = cursor.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        String movedOn = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("A-1", "B-2").getBytes(StandardCharsets.UTF_8)) + cursor.substring(dot);

        Reply forged = server.get(NOVEMBER + "&limit=1&cursor=" + movedOn);
        Reply truncated = server.get(NOVEMBER + "&limit=1&cursor=" + cursor.substring(0, cursor.length() - 3));
        Reply garbage = server.get(NOVEMBER + "&cursor=garbage");
        Reply otherFilters = server.get(NOVEMBER + "&limit=1&status=Absent&cursor=" + cursor);
        Reply genuine = server.get(NOVEMBER + "&limit=1&cursor=" + cursor);

        for (Reply rejected : List.of(forged, truncated, garbage)) {
            assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
            assertThat(rejected.contentType()).startsWith("application/problem+json");
            assertThat(rejected.fieldErrors()).containsExactly("cursor is not a cursor this service issued");
        }
        assertThat(otherFilters.status()).isEqualTo(400);
        assertThat(otherFilters.fieldErrors()).singleElement().asString().startsWith("cursor belongs to another query");
        assertThat(keys(genuine.json())).containsExactly("2026-11-02 B-2");
    }

    static Stream<Arguments> rejectedSearches() {
        String base = V2Paths.RECORDS;
        return Stream.of(
                Arguments.of("no range", base, List.of("from is required: a date written YYYY-MM-DD",
                        "to is required: a date written YYYY-MM-DD")),
                Arguments.of("no to", base + "?from=2026-11-01", List.of("to is required: a date written YYYY-MM-DD")),
                Arguments.of("a bad date", base + "?from=2026-11-01&to=30/11/2026",
                        List.of("to must be a calendar date written YYYY-MM-DD")),
                Arguments.of("to before from", base + "?from=2026-11-30&to=2026-11-01", List.of("to must not be before from")),
                Arguments.of("a range over 366 days", base + "?from=2025-01-01&to=2026-06-01",
                        List.of("to must be at most 366 days after from")),
                Arguments.of("an unknown status", NOVEMBER + "&status=Sleeping",
                        List.of("status must be one of: Present, Absent, Half Day, On Leave, Work From Home, Holiday")),
                Arguments.of("a malformed employee id", NOVEMBER + "&employeeId=A%201",
                        List.of("employeeId may contain only letters, digits, '.', '_' and '-'")),
                Arguments.of("an instant without offset", NOVEMBER + "&updatedSince=2026-11-28T10:00:00",
                        List.of("updatedSince must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00")),
                Arguments.of("a date for updatedSince", NOVEMBER + "&updatedSince=2026-11-28",
                        List.of("updatedSince must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00")),
                Arguments.of("an updatedSince beyond what the store holds", NOVEMBER + "&updatedSince=%2B300000-01-01T00:00:00Z",
                        List.of("updatedSince must be a date-time from 1969-12-31 to 9999-12-31 UTC")),
                Arguments.of("an updatedSince finer than a microsecond", NOVEMBER + "&updatedSince=2026-11-28T10:00:00.0000001Z",
                        List.of("updatedSince must not be finer than a microsecond: at most 6 digits after the second")),
                Arguments.of("limit 0", NOVEMBER + "&limit=0", List.of("limit must be between 1 and 1000")),
                Arguments.of("limit 5000", NOVEMBER + "&limit=5000", List.of("limit must be between 1 and 1000")),
                Arguments.of("limit abc", NOVEMBER + "&limit=abc", List.of("limit must be a whole number between 1 and 1000")),
                Arguments.of("everything at once", base + "?from=2026-02-30&status=x&limit=abc", List.of(
                        "from must be a calendar date written YYYY-MM-DD",
                        "to is required: a date written YYYY-MM-DD",
                        "status must be one of: Present, Absent, Half Day, On Leave, Work From Home, Holiday",
                        "limit must be a whole number between 1 and 1000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedSearches")
    void aBadSearchIsA400ProblemNamingEachParameter(String description, String pathAndQuery, List<String> errors) {
        Reply rejected = server.deliberatelyInvalid().get(pathAndQuery);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("status").asInt()).isEqualTo(400);
        assertThat(rejected.fieldErrors()).containsExactlyElementsOf(errors);
    }

    @Test
    void limitsFrom1To1000AreAccepted() {
        put("A-1", "2026-11-02", "Present");

        assertThat(server.get(NOVEMBER + "&limit=1").status()).isEqualTo(200);
        assertThat(server.get(NOVEMBER + "&limit=1000").status()).isEqualTo(200);
    }

    private void put(String id, String date, String status) {
        Reply reply = server.putRecord(id, date, "{\"status\":" + RunningApi.quoted(status) + "}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(record -> keys.add(record.get("date").asText() + " " + record.get("employeeId").asText()));
        return keys;
    }
}
