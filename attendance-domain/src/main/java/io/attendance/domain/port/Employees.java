package io.attendance.domain.port;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import java.util.List;
import java.util.Optional;

/** The people whose attendance is recorded. Employees are never deleted, only made inactive. */
public interface Employees {

    Optional<Employee> find(EmployeeId id);

    /**
     * Stores an employee that did not exist yet.
     *
     * @throws io.attendance.domain.error.Conflict when an employee with that id exists
     */
    void add(Employee employee);

    /**
     * Replaces the stored employee with {@code employee} (whose version is the next one) only if the
     * stored version is still {@code expectedVersion}: a compare-and-set, so that of concurrent
     * writers that read the same version exactly one wins.
     *
     * @return false when the employee is absent or its version is no longer {@code expectedVersion}
     */
    boolean replace(Employee employee, long expectedVersion);

    /**
     * Up to {@code limit} employees matching {@code query} whose id comes after {@code after} (all
     * when empty), ordered by id: keyset pagination, no offset.
     */
    List<Employee> list(EmployeeQuery query, Optional<EmployeeId> after, int limit);
}
