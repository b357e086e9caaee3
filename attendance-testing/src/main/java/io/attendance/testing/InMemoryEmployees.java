package io.attendance.testing;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.Versions;
import io.attendance.domain.port.Employees;
import java.util.List;
import java.util.Optional;

/** {@link Employees} over an {@link InMemoryStore}: the reference the real adapter is checked against. */
public final class InMemoryEmployees implements Employees {
    private final InMemoryStore db;

    public InMemoryEmployees(InMemoryStore db) {
        this.db = db;
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        return db.inTransaction(() -> Optional.ofNullable(db.employees.get(id)));
    }

    @Override
    public void add(Employee employee) {
        db.runInTransaction(() -> {
            if (db.employees.containsKey(employee.id())) {
                throw new Conflict("employee " + employee.id() + " exists already");
            }
            db.put(db.employees, employee.id(), employee);
        });
    }

    @Override
    public boolean replace(Employee employee, long expectedVersion) {
        Versions.requireNext(employee.version(), expectedVersion);
        return db.inTransaction(() -> {
            Employee stored = db.employees.get(employee.id());
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            db.put(db.employees, employee.id(), employee);
            return true;
        });
    }

    @Override
    public List<Employee> list(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return db.inTransaction(() -> (after.isPresent() ? db.employees.tailMap(after.get(), false) : db.employees)
                .values().stream()
                .filter(query::matches)
                .limit(limit)
                .toList());
    }
}
