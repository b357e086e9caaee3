package io.attendance.application.records;

import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Record an employee's status for one day. {@code name} is needed only when the employee is not
 * known yet; when given for a known employee it renames them.
 */
public record RecordAttendanceCommand(
        EmployeeId employeeId, Optional<String> name, AttendanceStatus status, WorkDate date) {

    public RecordAttendanceCommand {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(date, "date");
        name = name.map(EmployeeDetails::requireValidName);
    }
}
