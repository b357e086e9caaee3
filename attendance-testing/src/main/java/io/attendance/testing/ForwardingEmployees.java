package io.attendance.testing;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.port.Employees;
import java.util.List;
import java.util.Optional;

/** Passes every call on; tests override the calls they want to delay or to see a race in. */
public abstract class ForwardingEmployees implements Employees {
    private final Employees delegate;

    protected ForwardingEmployees(Employees delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        return delegate.find(id);
    }

    @Override
    public void add(Employee employee) {
        delegate.add(employee);
    }

    @Override
    public boolean replace(Employee employee, long expectedVersion) {
        return delegate.replace(employee, expectedVersion);
    }

    @Override
    public List<Employee> list(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return delegate.list(query, after, limit);
    }
}
