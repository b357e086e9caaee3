package io.attendance.application;

import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.PutRecordCommand;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.IsoInstant;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Commands written the short way tests like, read with the domain's own parsers (null is absent). */
public final class Commands {
    private Commands() {
    }

    public static PutRecordCommand putRecord(String employeeId, String date, String status, String checkIn,
            String checkOut, String note) {
        return record(employeeId, date, status, checkIn, checkOut, note, RecordSource.API);
    }

    /** A record with a status and nothing else. */
    public static PutRecordCommand status(String employeeId, String date, String status) {
        return putRecord(employeeId, date, status, null, null, null);
    }

    /** A batch item that its reader could read. */
    public static ImportBatch.Item item(String employeeId, String date, String status, String checkIn, String checkOut,
            String note) {
        return ImportBatch.Item.read(record(employeeId, date, status, checkIn, checkOut, note, RecordSource.BATCH));
    }

    /** A batch item that its reader could not read, for the reasons given as field, message, field, message... */
    public static ImportBatch.Item unreadable(String... fieldsAndMessages) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            errors.add(new FieldError(fieldsAndMessages[i], fieldsAndMessages[i + 1]));
        }
        return ImportBatch.Item.unreadable(errors);
    }

    public static RecordAttendanceCommand recordAttendance(String id, String name, String status, String date) {
        return new RecordAttendanceCommand(new EmployeeId(id), Optional.ofNullable(name), AttendanceStatus.parse(status),
                WorkDate.parse(date));
    }

    public static PutEmployeeCommand putEmployee(String id, String name, String department, String zone, boolean active) {
        return new PutEmployeeCommand(new EmployeeId(id), new EmployeeDetails(name, Optional.ofNullable(department),
                zone == null ? InMemoryApplication.DEFAULT_ZONE : EmployeeDetails.parseTimezone(zone), active));
    }

    private static PutRecordCommand record(String employeeId, String date, String status, String checkIn,
            String checkOut, String note, RecordSource source) {
        return new PutRecordCommand(new EmployeeId(employeeId), WorkDate.parse(date),
                DayEntry.of(AttendanceStatus.parse(status), source)
                        .checkIn(Optional.ofNullable(checkIn).map(IsoInstant::parse))
                        .checkOut(Optional.ofNullable(checkOut).map(IsoInstant::parse))
                        .note(Optional.ofNullable(note))
                        .build());
    }
}
