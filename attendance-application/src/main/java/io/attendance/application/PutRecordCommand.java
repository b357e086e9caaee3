package io.attendance.application;

import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Write an employee's record for one day: create it, or replace what it says. */
public record PutRecordCommand(EmployeeId employeeId, WorkDate date, DayEntry entry) {

    public PutRecordCommand {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(entry, "entry");
    }

    /** The raw text of one record as clients send it; null means absent. */
    public record Input(String employeeId, String date, String status, String checkIn, String checkOut, String note) {
    }

    /** Builds the command from raw text, reporting every invalid field at once (field names prefixed). */
    public static PutRecordCommand parse(Input input, RecordSource source, String fieldPrefix) {
        Fields fields = new Fields(fieldPrefix);
        EmployeeId employeeId = fields.parse("employeeId", () -> new EmployeeId(input.employeeId()));
        WorkDate date = fields.parse(() -> WorkDate.parse(input.date()));
        AttendanceStatus status = fields.parse(() -> AttendanceStatus.parse(input.status()));
        Optional<Instant> checkIn = fields.instant("checkIn", input.checkIn());
        Optional<Instant> checkOut = fields.instant("checkOut", input.checkOut());
        // the entry's own rules (note, punches) are checked even when the status is invalid, so that
        // every error is reported; a status that allows punches adds no error of its own
        AttendanceStatus statusToCheckWith = status == null ? AttendanceStatus.PRESENT : status;
        DayEntry entry = fields.parse(
                () -> new DayEntry(statusToCheckWith, checkIn, checkOut, Optional.ofNullable(input.note()), source));
        fields.complete();
        return new PutRecordCommand(employeeId, date, entry);
    }
}
