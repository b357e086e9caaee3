package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.PutRecordCommand;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How v2 bodies become commands: types first, then every value's meaning, each error on the client's field. */
class V2BodiesTest {
    private static final ObjectMapper JSON = JsonMapping.newObjectMapper();
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    private static PutRecordCommand record(String employeeId, String date, String body) {
        return V2Bodies.record(JSON, body.getBytes(StandardCharsets.UTF_8), employeeId, date);
    }

    private static List<String> refusedFields(Runnable read) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, read::run);
        assertThat(refused).isNotNull();
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRecordIsReadWithItsOffsetsTurnedIntoInstants() {
        PutRecordCommand command = record("E-1", "2026-11-27", "{\"status\":\"half day\","
                + "\"checkIn\":\"2026-11-27T08:30:00+01:00\",\"checkOut\":\"2026-11-27T12:45:30.123456-05:00\","
                + "\"note\":\"Line one\\nline two\"}");

        assertThat(command).isEqualTo(new PutRecordCommand(new EmployeeId("E-1"), WorkDate.of(2026, 11, 27),
                DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.API)
                        .checkIn(Instant.parse("2026-11-27T07:30:00Z"))
                        .checkOut(Instant.parse("2026-11-27T17:45:30.123456Z"))
                        .note("Line one\nline two")
                        .build()));
    }

    @Test
    void absentAndNullFieldsAreAbsent() {
        PutRecordCommand command = record("E-1", "2026-11-27", "{\"status\":\"Absent\",\"checkIn\":null}");

        assertThat(command.entry()).isEqualTo(DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.API));
    }

    @Test
    void aPunchNeedsAnOffset() {
        assertThat(refusedFields(() -> record("E-1", "2026-11-27",
                "{\"status\":\"Present\",\"checkIn\":\"2026-11-27T08:30:00\",\"checkOut\":\"08:30\"}")))
                .containsExactly("checkIn", "checkOut");
    }

    @Test
    void everyInvalidValueIsReportedAtOnceOnTheFieldTheClientSent() {
        assertThat(refusedFields(() -> record("E 1", "2026-02-30",
                "{\"status\":\"Foo\",\"checkIn\":\"yesterday\",\"note\":\"" + "n".repeat(501) + "\"}")))
                .containsExactly("employeeId", "date", "status", "checkIn", "note");
        assertThat(refusedFields(() -> record("E-1", "2026-11-27", "{\"status\":\"Absent\","
                + "\"checkIn\":\"2026-11-27T08:00:00Z\",\"checkOut\":\"2026-11-27T07:00:00Z\"}")))
                .containsExactly("checkIn", "checkOut", "checkOut");
    }

    @Test
    void typeErrorsAreReportedBeforeAnyValueIsRead() {
        assertThat(refusedFields(() -> record("E 1", "bad", "{\"status\":1,\"note\":[]}")))
                .containsExactly("status", "note");
    }

    @Test
    void batchItemsAreReadOneByOneAndAnInvalidOneIsHandedOnWithItsErrorsByIndex() {
        List<ImportBatch.Item> items = V2Bodies.batch(JSON, ("["
                + "{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\"},"
                + "{\"employeeId\":\"E 2\",\"date\":\"2026-11-27\",\"status\":\"Foo\"}]").getBytes(StandardCharsets.UTF_8));

        assertThat(items.get(0).command()).map(command -> command.entry().source()).contains(RecordSource.BATCH);
        assertThat(items.get(1).command()).isEmpty();
        assertThat(items.get(1).unreadable()).extracting(FieldError::field).containsExactly("[1].employeeId", "[1].status");
    }

    @Test
    void everyInvalidFieldOfAnEmployeeIsReportedAtOnce() {
        assertThat(refusedFields(() -> V2Bodies.employee(JSON, ("{\"name\":\" \",\"department\":\"" + "d".repeat(101)
                + "\",\"timezone\":\"+02:00\"}").getBytes(StandardCharsets.UTF_8), "E 1", DEFAULT_ZONE)))
                .containsExactly("id", "timezone", "name", "department");
    }

    @Test
    void anEmployeeWithoutATimezoneGetsTheDefaultOne() {
        assertThat(V2Bodies.employee(JSON, "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8), "E-1", DEFAULT_ZONE)
                .details()).isEqualTo(EmployeeDetails.named("Ada", DEFAULT_ZONE));
    }
}
