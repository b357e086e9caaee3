package io.attendance.application.employees;

import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.reading.ReadThrough;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads of HR's employee directory: one employee, the listing a page at a time, an employee's history. */
public final class EmployeeReads {
    private final Transactions transactions;
    private final Employees employees;
    private final AuditTrail audit;
    private final ReadThrough reads;
    private final CursorCodec cursors;

    public EmployeeReads(Transactions transactions, Employees employees, AuditTrail audit, ReadThrough reads,
            CursorCodec cursors) {
        this.transactions = transactions;
        this.employees = employees;
        this.audit = audit;
        this.reads = reads;
        this.cursors = cursors;
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
