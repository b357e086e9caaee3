package io.attendance.application.employees;

import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Races;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.Optional;

/**
 * Changes to HR's employee directory: create, replace and deactivate employees, each change audited
 * in the unit of work that makes it.
 */
public final class EmployeeWrites {
    private final Transactions transactions;
    private final Employees employees;
    private final AuditTrail audit;
    private final ReadCache cache;
    private final Clock clock;

    public EmployeeWrites(Transactions transactions, Employees employees, AuditTrail audit, ReadCache cache,
            Clock clock) {
        this.transactions = transactions;
        this.employees = employees;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Creates the employee or replaces their details.
     *
     * @throws io.attendance.domain.error.PreconditionFailed when {@code precondition} does not hold, also
     *     when a concurrent writer wins the version the client pinned, or the create-only write finds it exists
     */
    public Written<Employee> put(PutEmployeeCommand command, Precondition precondition, String actor) {
        Written<Employee> written = Races.retried(() -> transactions.inTransaction(() -> {
            Optional<Employee> stored = employees.find(command.id());
            precondition.check(stored.map(Employee::version));
            return stored.isEmpty()
                    ? create(command.id(), command.details(), precondition, actor)
                    : revise(stored.get(), command.details(), precondition, actor);
        }));
        cache.employeeChanged(command.id());
        return written;
    }

    /** Marks the employee inactive; every record is kept. */
    public Employee deactivate(EmployeeId id, Precondition precondition, String actor) {
        Written<Employee> deactivated = Races.retried(() -> transactions.inTransaction(() -> {
            Optional<Employee> stored = employees.find(id);
            precondition.check(stored.map(Employee::version));
            Employee current = stored.orElseThrow(() -> new NotFound("no employee " + id));
            return revise(current, current.details().inactive(), precondition, actor);
        }));
        cache.employeeChanged(id);
        return deactivated.value();
    }

    /** Inside a unit of work: stores a new employee. */
    private Written<Employee> create(EmployeeId id, EmployeeDetails details, Precondition precondition, String actor) {
        Employee created = Employee.first(id, details, clock.instant());
        Races.insert(() -> employees.add(created), precondition);
        audit.append(EmployeeAuditEvent.created(created, actor));
        return new Written<>(created, Written.Outcome.CREATED);
    }

    /** Inside a unit of work: stores the employee with these details unless they are the ones stored. */
    private Written<Employee> revise(Employee current, EmployeeDetails details, Precondition precondition,
            String actor) {
        Written<Employee> written = Races.replaceIfRevised(current, current.version(),
                current.revised(details, clock.instant()), employees::replace, precondition);
        if (written.outcome() == Written.Outcome.UPDATED) {
            audit.append(EmployeeAuditEvent.updated(current, written.value(), actor));
        }
        return written;
    }
}
