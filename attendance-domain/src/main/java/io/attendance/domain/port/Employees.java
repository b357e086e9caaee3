package io.attendance.domain.port;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import java.util.Optional;

/** The people whose attendance is recorded. */
public interface Employees {

    Optional<Employee> find(EmployeeId id);

    /** Adds the employee, or replaces the stored one with the same id. Safe under concurrent callers. */
    void save(Employee employee);
}
