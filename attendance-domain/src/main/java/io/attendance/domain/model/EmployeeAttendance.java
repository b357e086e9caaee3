package io.attendance.domain.model;

import java.util.Objects;

/** A record together with the employee it belongs to: what the v1 contract answers. */
public record EmployeeAttendance(Employee employee, AttendanceRecord record) {
    public EmployeeAttendance {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(record, "record");
        if (!employee.id().equals(record.employeeId())) {
            throw new IllegalArgumentException("record of " + record.employeeId() + " paired with " + employee.id());
        }
    }
}
