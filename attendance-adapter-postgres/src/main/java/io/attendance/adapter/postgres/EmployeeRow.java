package io.attendance.adapter.postgres;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code employees}, as far as the domain needs it. */
record EmployeeRow(String employeeId, String name) {

    static EmployeeRow read(ResultSet rs) throws SQLException {
        return new EmployeeRow(rs.getString("employee_id"), rs.getString("name"));
    }

    static EmployeeRow fromDomain(Employee employee) {
        return new EmployeeRow(employee.id().value(), employee.name());
    }

    static Employee toDomain(EmployeeRow row) {
        return new Employee(new EmployeeId(row.employeeId()), row.name());
    }
}
