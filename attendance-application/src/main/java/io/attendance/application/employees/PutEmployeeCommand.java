package io.attendance.application.employees;

import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import java.util.Objects;

/** Create an employee, or replace what HR says about them. */
public record PutEmployeeCommand(EmployeeId id, EmployeeDetails details) {

    public PutEmployeeCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
    }
}
