package io.attendance.application;

import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** HR's employee directory: create, replace, read, list and deactivate employees. */
public final class EmployeeService {
    private final Transactions transactions;
    private final Employees employees;
    private final ReadCache cache;
    private final CursorCodec cursors;
    private final Clock clock;

    EmployeeService(
            Transactions transactions, Employees employees, ReadCache cache, CursorCodec cursors, Clock clock) {
        this.transactions = transactions;
        this.employees = employees;
        this.cache = cache;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * Creates the employee or replaces their details.
     *
     * @throws PreconditionFailed when {@code precondition} does not hold, also when a concurrent
     *     writer wins the version the client pinned, or the create-only write finds it exists
     */
    public Written<Employee> put(PutEmployeeCommand command, Precondition precondition) {
        Written<Employee> written = Races.retried(() -> transactions.inTransaction(() -> {
            Optional<Employee> stored = employees.find(command.id());
            precondition.check(stored.map(Employee::version));
            if (stored.isEmpty()) {
                Employee created = Employee.first(command.id(), command.details(), clock.instant());
                Races.insert(() -> employees.add(created), precondition);
                return new Written<>(created, Written.Outcome.CREATED);
            }
            return revise(stored.get(), command.details(), precondition);
        }));
        cache.employeeChanged(command.id());
        return written;
    }

    /** @throws NotFound when no such employee exists */
    public Employee get(EmployeeId id) {
        return ReadThrough.of(cache.lookup(CachedReads.employee(id)), () -> employees.find(id))
                .orElseThrow(() -> new NotFound("no employee " + id));
    }

    public Page<Employee> list(EmployeeQuery query, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Optional<EmployeeId> after = cursors.decode(query, cursor);
        List<Employee> fetched = ReadThrough.of(cache.lookup(CachedReads.employeePage(query, after, limit + 1)),
                () -> employees.list(query, after, limit + 1));
        return Page.of(fetched, limit, last -> cursors.encode(query, last.id()));
    }

    /** Marks the employee inactive; every record is kept. */
    public Employee deactivate(EmployeeId id, Precondition precondition) {
        Written<Employee> deactivated = Races.retried(() -> transactions.inTransaction(() -> {
            Optional<Employee> stored = employees.find(id);
            precondition.check(stored.map(Employee::version));
            Employee current = stored.orElseThrow(() -> new NotFound("no employee " + id));
            return revise(current, current.details().inactive(), precondition);
        }));
        cache.employeeChanged(id);
        return deactivated.value();
    }

    /** Inside a unit of work: stores the employee with these details unless they are the ones stored. */
    private Written<Employee> revise(Employee current, EmployeeDetails details, Precondition precondition) {
        return Races.replaceIfRevised(current, current.version(), current.revised(details, clock.instant()),
                employees::replace, precondition);
    }

}
