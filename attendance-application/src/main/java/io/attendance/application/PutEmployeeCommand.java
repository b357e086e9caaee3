package io.attendance.application;

import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Create an employee, or replace what HR says about them. */
public record PutEmployeeCommand(EmployeeId id, EmployeeDetails details) {

    public PutEmployeeCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
    }

    /**
     * Builds the command from raw values, reporting every invalid field at once. An absent
     * timezone is {@code defaultZone}; an absent {@code active} is true.
     */
    public static PutEmployeeCommand parse(
            String id, String name, String department, String timezone, Boolean active, ZoneId defaultZone) {
        Fields fields = new Fields();
        EmployeeId employeeId = fields.parse(() -> new EmployeeId(id));
        ZoneId zone = timezone == null ? defaultZone : fields.parse(() -> EmployeeDetails.parseTimezone(timezone));
        // the other fields are checked even when the zone is invalid, so that every error is reported
        ZoneId zoneToCheckWith = zone == null ? defaultZone : zone;
        EmployeeDetails details = fields.parse(() -> new EmployeeDetails(
                name, Optional.ofNullable(department), zoneToCheckWith, active == null || active));
        fields.complete();
        return new PutEmployeeCommand(employeeId, details);
    }
}
