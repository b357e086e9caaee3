package io.attendance.domain.fake;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.Employees;
import java.util.Optional;

public final class InMemoryEmployees implements Employees {
    private final InMemoryDatabase db;

    public InMemoryEmployees(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        return db.inTransaction(() -> Optional.ofNullable(db.employees.get(id)));
    }

    @Override
    public void save(Employee employee) {
        db.runInTransaction(() -> db.employees.put(employee.id(), employee));
    }
}
