package io.attendance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PutRecordCommandTest {
    private static PutRecordCommand parse(String employeeId, String date, String status, String checkIn, String checkOut,
            String note) {
        return PutRecordCommand.parse(new PutRecordCommand.Input(employeeId, date, status, checkIn, checkOut, note),
                RecordSource.API, "");
    }

    private static List<String> refusedFields(String prefix, PutRecordCommand.Input input) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> PutRecordCommand.parse(input, RecordSource.BATCH, prefix));
        assertThat(refused).isNotNull();
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRecordIsReadWithItsOffsetsTurnedIntoInstants() {
        PutRecordCommand command = parse("E-1", "2026-11-27", "half day", "2026-11-27T08:30:00+01:00",
                "2026-11-27T12:45:30.123456-05:00", "Line one\nline two");

        assertThat(command).isEqualTo(new PutRecordCommand(new EmployeeId("E-1"), WorkDate.of(2026, 11, 27), new DayEntry(
                AttendanceStatus.HALF_DAY, Optional.of(Instant.parse("2026-11-27T07:30:00Z")),
                Optional.of(Instant.parse("2026-11-27T17:45:30.123456Z")), Optional.of("Line one\nline two"), RecordSource.API)));
    }

    @Test
    void absentFieldsAreAbsent() {
        PutRecordCommand command = parse("E-1", "2026-11-27", "Absent", null, null, null);

        assertThat(command.entry()).isEqualTo(DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.API));
    }

    @Test
    void theChannelIsTheOneGiven() {
        PutRecordCommand command = PutRecordCommand.parse(
                new PutRecordCommand.Input("E-1", "2026-11-27", "Present", null, null, null), RecordSource.BATCH, "[0].");

        assertThat(command.entry().source()).isEqualTo(RecordSource.BATCH);
    }

    @Test
    void aPunchNeedsAnOffset() {
        assertThat(refusedFields("", new PutRecordCommand.Input("E-1", "2026-11-27", "Present", "2026-11-27T08:30:00",
                "08:30", null))).containsExactly("checkIn", "checkOut");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceWithThePrefix() {
        assertThat(refusedFields("[3].", new PutRecordCommand.Input("E 1", "2026-02-30", "Foo", "yesterday", null,
                "n".repeat(501)))).containsExactly("[3].employeeId", "[3].date", "[3].status", "[3].checkIn", "[3].note");
        assertThat(refusedFields("", new PutRecordCommand.Input(null, null, null, null, null, null)))
                .containsExactly("employeeId", "date", "status");
    }

    @Test
    void theRulesOfTheDayAreCheckedWithTheFieldsTheyConcern() {
        assertThat(refusedFields("", new PutRecordCommand.Input("E-1", "2026-11-27", "Absent", "2026-11-27T08:00:00Z",
                "2026-11-27T07:00:00Z", null))).containsExactly("checkIn", "checkOut", "checkOut");
        assertThat(refusedFields("", new PutRecordCommand.Input("E-1", "bad", "Present", "2026-11-27T08:00:00Z",
                "2026-11-27T07:00:00Z", "bell\u0007"))).containsExactly("date", "checkOut", "note");
    }
}
