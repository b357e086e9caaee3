package io.attendance.application.employees;

import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.reading.ReadThrough;
import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Races;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** HR's employee directory: create, replace, read, list and deactivate employees. */
public final class EmployeeService {
    private final Transactions transactions;
    private final Employees employees;
    private final EmployeeWrites writes;
    private final AuditTrail audit;
    private final ReadCache cache;
    private final ReadThrough reads;
    private final CursorCodec cursors;

    public EmployeeService(Transactions transactions, Employees employees, AuditTrail audit, Clock clock,
            ReadCache cache, ReadThrough reads, CursorCodec cursors) {
        this.transactions = transactions;
        this.employees = employees;
        this.writes = new EmployeeWrites(employees, audit, clock);
        this.audit = audit;
        this.cache = cache;
        this.reads = reads;
        this.cursors = cursors;
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
                    ? writes.create(command.id(), command.details(), precondition, actor)
                    : writes.revise(stored.get(), command.details(), precondition, actor);
        }));
        cache.employeeChanged(command.id());
        return written;
    }

    /** @throws NotFound when no such employee exists */
    public Employee get(EmployeeId id) {
        return reads.of(CachedReads.employee(id), () -> employees.find(id))
                .orElseThrow(() -> new NotFound("no employee " + id));
    }

    public Page<Employee> list(EmployeeQuery query, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Optional<EmployeeId> after = cursors.decode(query, cursor);
        List<Employee> fetched = reads.of(CachedReads.employeePage(query, after, limit + 1),
                () -> employees.list(query, after, limit + 1));
        return Page.of(fetched, limit, last -> cursors.encode(query, last.id()));
    }

    /** Marks the employee inactive; every record is kept. */
    public Employee deactivate(EmployeeId id, Precondition precondition, String actor) {
        Written<Employee> deactivated = Races.retried(() -> transactions.inTransaction(() -> {
            Optional<Employee> stored = employees.find(id);
            precondition.check(stored.map(Employee::version));
            Employee current = stored.orElseThrow(() -> new NotFound("no employee " + id));
            return writes.revise(current, current.details().inactive(), precondition, actor);
        }));
        cache.employeeChanged(id);
        return deactivated.value();
    }

    /**
     * A page of the changes made to the employee (not to their records), oldest first.
     *
     * @throws NotFound when no such employee exists
     * @throws io.attendance.domain.error.ValidationFailed on {@code limit} or {@code cursor}, when out
     *     of range or not a cursor of this employee's history
     */
    public Page<EmployeeAuditEvent> history(EmployeeId id, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        OptionalLong after = cursors.decodeHistory(id, cursor);
        List<Sequenced<EmployeeAuditEvent>> fetched = transactions.inTransaction(() -> {
            if (employees.find(id).isEmpty()) {
                throw new NotFound("no employee " + id);
            }
            return audit.history(id, after, limit + 1);
        });
        return Page.ofSequenced(fetched, limit, last -> cursors.encodeHistory(id, last));
    }
}
