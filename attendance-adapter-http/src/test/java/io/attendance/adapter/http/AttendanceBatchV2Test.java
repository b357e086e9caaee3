package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v2/attendance/batch: all applied with counts, or nothing stored and every error named by index. */
class AttendanceBatchV2Test {

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void twoEmployeesWithOneRecordEach() {
        server.putEmployee("E-1", "Ada");
        server.putEmployee("E-2", "Bob");
        server.putRecord("E-1", "2026-11-26", "{\"status\":\"Present\"}");
        server.putRecord("E-2", "2026-11-26", "{\"status\":\"Present\"}");
    }

    @Test
    void aBatchCreatesUpdatesAndCountsWhatAlreadySaidTheSame() {
        Reply applied = server.post(V2Paths.BATCH, "["
                + item("E-1", "2026-11-26", "Present") + ","
                + item("E-2", "2026-11-26", "Absent") + ","
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\",\"checkIn\":\"2026-11-27T08:00:00Z\","
                + "\"checkOut\":\"2026-11-27T12:00:00Z\",\"note\":\"Morning\",\"ignored\":true},"
                + item("E-2", "2026-11-27", "On Leave") + "]");

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.contentType()).startsWith("application/json");
        assertThat(applied.body()).isEqualTo("{\"created\":2,\"updated\":1,\"unchanged\":1}");
        assertThat(server.get(record("E-2", "2026-11-26")).json().get("status").asText()).isEqualTo("Absent");
        assertThat(server.get(record("E-2", "2026-11-26")).json().get("source").asText()).isEqualTo("BATCH");
        assertThat(server.get(record("E-1", "2026-11-27")).json().get("workedMinutes").asLong()).isEqualTo(240);
        assertThat(server.get(record("E-1", "2026-11-26")).json().get("source").asText()).isEqualTo("API");
        assertThat(server.get(record("E-2", "2026-11-26") + "/history").json().get("items")).hasSize(2);
    }

    @Test
    void aThousandRecordsAreOneBatch() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            batch.append(i == 0 ? "" : ",").append(item(i % 2 == 0 ? "E-1" : "E-2",
                    LocalDate.of(2025, 1, 1).plusDays(i / 2).toString(), "Present"));
        }

        Reply applied = server.post(V2Paths.BATCH, batch.append(']').toString());

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("created").asInt()).isEqualTo(1000);
    }

    @Test
    void aBatchWithBadItemsIsA400ListingEveryErrorByIndexAndStoresNothing() {
        Reply rejected = server.deliberatelyInvalid().post(V2Paths.BATCH, "["
                + item("E-1", "2026-11-20", "Present") + ","
                + item("E-1", "2026-11-21", "Sleeping") + ","
                + item("E 2", "2026-13-01", "Present") + ","
                + "42,"
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-22\",\"status\":\"Present\",\"checkOut\":\"noon\"},"
                + item("E-1", "2026-11-20", "Absent") + "]");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.fieldErrors()).containsExactly("[3] must be a JSON object, was a number");

        Reply meaning = server.deliberatelyInvalid().post(V2Paths.BATCH, "["
                + item("E-1", "2026-11-20", "Present") + ","
                + item("E-1", "2026-11-21", "Sleeping") + ","
                + item("E 2", "2026-13-01", "Present") + ","
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-22\",\"status\":\"Present\",\"checkOut\":\"noon\"},"
                + item("E-1", "2026-11-20", "Absent") + "]");

        assertThat(meaning.status()).isEqualTo(400);
        assertThat(meaning.fieldErrors()).containsExactly(
                "[1].status must be one of: Present, Absent, Half Day, On Leave, Work From Home, Holiday",
                "[2].employeeId may contain only letters, digits, '.', '_' and '-'",
                "[2].date must be a calendar date written YYYY-MM-DD",
                "[3].checkOut must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00",
                "[4].date repeats the employee and date of item 0");
        assertNothingNewStored();
    }

    @Test
    void aBatchWithAnInstantTheStoreCannotHoldExactlyIsA400NamingTheItemAndStoresNothing() {
        Reply rejected = server.deliberatelyInvalid().post(V2Paths.BATCH, "[" + item("E-1", "2026-11-20", "Present") + ","
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-21\",\"status\":\"Present\","
                + "\"checkIn\":\"+999999999-12-31T23:59:59-18:00\",\"checkOut\":\"+300000-01-01T00:00:00Z\"},"
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-22\",\"status\":\"Present\","
                + "\"checkIn\":\"2026-11-22T08:00:00.000000001Z\"}]");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.fieldErrors()).containsExactly(
                "[1].checkIn must be a date-time from 1969-12-31 to 9999-12-31 UTC",
                "[1].checkOut must be a date-time from 1969-12-31 to 9999-12-31 UTC",
                "[2].checkIn must not be finer than a microsecond: at most 6 digits after the second");
        assertNothingNewStored();
    }

    @Test
    void aBatchNamingAnUnknownEmployeeIsA400AndStoresNothing() {
        Reply rejected = server.post(V2Paths.BATCH, "["
                + item("E-1", "2026-11-20", "Present") + "," + item("E-9", "2026-11-20", "Present") + "]");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.fieldErrors()).containsExactly("[1].employeeId is not a known employee");
        assertNothingNewStored();
    }

    @Test
    void valuesOfTheWrongJsonTypeAreNamedByIndex() {
        Reply rejected = server.deliberatelyInvalid().post(V2Paths.BATCH,
                "[{\"employeeId\":1,\"date\":\"2026-11-20\",\"status\":\"Present\"},"
                        + "{\"employeeId\":\"E-1\",\"date\":[2026,11,20],\"status\":true}]");

        assertThat(rejected.fieldErrors()).containsExactly(
                "[0].employeeId must be a JSON string, was a number",
                "[1].date must be a JSON string, was an array",
                "[1].status must be a JSON string, was a boolean");
        assertNothingNewStored();
    }

    @Test
    void aBatchOfNoneOrOfMoreThanAThousandIsA400() {
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(item("E-1", LocalDate.of(2025, 1, 1).plusDays(i).toString(), "Present"));
        }

        Reply empty = server.deliberatelyInvalid().post(V2Paths.BATCH, "[]");
        Reply overfull = server.deliberatelyInvalid().post(V2Paths.BATCH, tooMany.append(']').toString());

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldErrors()).containsExactly("items a batch holds 1 to 1000 records, it had 0");
        assertThat(overfull.status()).isEqualTo(400);
        assertThat(overfull.fieldErrors()).containsExactly("items a batch holds 1 to 1000 records, it had 1001");
        assertNothingNewStored();
    }

    @Test
    void halfAMillionItemsAreRefusedByTheirCountBeforeAnyIsRead() {
        StringBuilder body = new StringBuilder("[1");
        body.append(",1".repeat(499_999)).append(']');

        Reply rejected = server.deliberatelyInvalid().post(V2Paths.BATCH, body.toString());

        // the one error of the count: no item was read into values (each would add its own error)
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.fieldErrors()).containsExactly("items a batch holds 1 to 1000 records, it had 500000");
        assertThat(rejected.body().length()).isLessThan(1_000);
    }

    @Test
    void aThousandInvalidItemsListAtMostTheCapOfFieldErrors() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            batch.append(i == 0 ? "" : ",").append(item("E-1", LocalDate.of(2025, 1, 1).plusDays(i).toString(), "Sleeping"));
        }

        Reply rejected = server.post(V2Paths.BATCH, batch.append(']').toString());

        assertThat(rejected.status()).isEqualTo(400);
        List<String> errors = rejected.fieldErrors();
        assertThat(errors).hasSize(ErrorResponses.MAX_FIELD_ERRORS + 1);
        assertThat(errors.get(ErrorResponses.MAX_FIELD_ERRORS - 1)).startsWith("[99].status must be one of");
        assertThat(errors.get(ErrorResponses.MAX_FIELD_ERRORS)).isEqualTo("errors 900 more left out");
        assertThat(rejected.json().get("detail").asText()).doesNotContain("[100].").endsWith("errors 900 more left out");
        assertNothingNewStored();
    }

    @Test
    void aBodyThatIsNotAJsonArrayIsA400() {
        for (String body : List.of(item("E-1", "2026-11-20", "Present"), "not json", "")) {
            Reply rejected = server.deliberatelyInvalid().post(V2Paths.BATCH, body);

            assertThat(rejected.status()).as(body).isEqualTo(400);
            assertThat(rejected.contentType()).startsWith("application/problem+json");
            assertThat(rejected.fieldErrors()).singleElement().asString().startsWith("body ");
        }
        assertThat(server.deliberatelyInvalid().post(V2Paths.BATCH, "{}").fieldErrors())
                .containsExactly("body must be a JSON array, was an object");
    }

    private void assertNothingNewStored() {
        Reply all = server.get(V2Paths.RECORDS + "?from=2025-01-01&to=2025-12-31&limit=1000");
        Reply november = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30");
        assertThat(all.json().get("items")).isEmpty();
        assertThat(november.json().get("items")).hasSize(2);
        assertThat(server.get(record("E-2", "2026-11-26")).json().get("version").asLong()).isEqualTo(1);
    }

    private static String item(String employeeId, String date, String status) {
        return "{\"employeeId\":" + RunningApi.quoted(employeeId) + ",\"date\":" + RunningApi.quoted(date)
                + ",\"status\":" + RunningApi.quoted(status) + "}";
    }
}
