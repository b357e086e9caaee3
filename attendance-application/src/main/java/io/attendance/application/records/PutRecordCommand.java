package io.attendance.application.records;

import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.Objects;

/** Write an employee's record for one day: create it, or replace what it says. */
public record PutRecordCommand(EmployeeId employeeId, WorkDate date, DayEntry entry) {

    public PutRecordCommand {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(entry, "entry");
    }
}
