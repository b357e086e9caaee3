package io.attendance.domain.model;

import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What HR says about an employee: the part a client writes with {@code PUT /employees/{id}}. */
public record EmployeeDetails(String name, Optional<String> department, ZoneId timezone, boolean active) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DEPARTMENT_LENGTH = 100;

    public EmployeeDetails {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(timezone, "timezone");
        String givenName = name;
        Optional<String> givenDepartment = department;
        FieldErrors errors = new FieldErrors();
        String validName = errors.check(() -> requireValidName(givenName));
        Optional<String> validDepartment = errors.check(() -> givenDepartment.flatMap(
                text -> Text.optionalLine("department", text, MAX_DEPARTMENT_LENGTH)), Optional.empty());
        errors.throwIfAny();
        name = validName;
        department = validDepartment;
    }

    /** The rule for a person's name: required, at most 200 characters, no control characters. */
    public static String requireValidName(String name) {
        return Text.requireLine("name", name, MAX_NAME_LENGTH);
    }

    /** An active employee known only by name, in the given zone (how v1 meets people). */
    public static EmployeeDetails named(String name, ZoneId timezone) {
        return new EmployeeDetails(name, Optional.empty(), timezone, true);
    }

    /** Reads an IANA zone name such as "Europe/Paris"; fixed offsets like "+02:00" are refused. */
    public static ZoneId parseTimezone(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailed("timezone", "is required");
        }
        try {
            ZoneId zone = ZoneId.of(text.strip());
            if (!zone.getId().contains("/") && !"UTC".equals(zone.getId())) {
                throw new ValidationFailed("timezone", "must be an IANA time zone such as Europe/Paris or UTC");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new ValidationFailed("timezone", "must be an IANA time zone such as Europe/Paris or UTC");
        }
    }

    public EmployeeDetails renamed(String newName) {
        return new EmployeeDetails(newName, department, timezone, active);
    }

    public EmployeeDetails inactive() {
        return new EmployeeDetails(name, department, timezone, false);
    }
}
