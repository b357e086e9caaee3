package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.Employee;
import java.time.Instant;

/** An employee as v2 shows them; the department is null when HR gave none, the time zone an IANA name. */
@JsonPropertyOrder({"id", "name", "department", "timezone", "active", "version", "createdAt", "updatedAt"})
record V2EmployeeView(
        String id,
        String name,
        String department,
        String timezone,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static V2EmployeeView of(Employee employee) {
        return new V2EmployeeView(
                employee.id().value(),
                employee.name(),
                employee.department().orElse(null),
                employee.timezone().getId(),
                employee.active(),
                employee.version(),
                employee.createdAt(),
                employee.updatedAt());
    }
}
