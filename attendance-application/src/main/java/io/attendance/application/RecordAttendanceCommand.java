package io.attendance.application;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

    /** Builds the command from raw text fields, reporting every invalid field at once. */
    public static RecordAttendanceCommand parse(String id, String name, String status, String date) {
        List<FieldError> errors = new ArrayList<>();
        EmployeeId employeeId = collect(errors, () -> new EmployeeId(id));
        Optional<String> validName = name == null
                ? Optional.empty()
                : collect(errors, () -> Optional.of(EmployeeDetails.requireValidName(name)));
        AttendanceStatus attendanceStatus = collect(errors, () -> AttendanceStatus.parse(status));
        WorkDate workDate = collect(errors, () -> WorkDate.parse(date));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new RecordAttendanceCommand(employeeId, validName, attendanceStatus, workDate);
    }

    private static <T> T collect(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
