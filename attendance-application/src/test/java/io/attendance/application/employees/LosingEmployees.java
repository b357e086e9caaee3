package io.attendance.application.employees;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.Employees;
import io.attendance.testing.ForwardingEmployees;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Employees whose next read of an employee can answer what was stored before another writer's
 * change that has in fact committed: the write that follows that read loses the race to the other
 * writer, as on a real database when it commits between our read and our write. The in-memory
 * store runs one unit of work at a time, so it never produces that race on its own.
 */
final class LosingEmployees extends ForwardingEmployees {
    private final Map<EmployeeId, Optional<Employee>> readsBeforeTheOtherWriter = new ConcurrentHashMap<>();

    LosingEmployees(Employees delegate) {
        super(delegate);
    }

    /** Runs {@code otherWriter} now; the next read of {@code id} answers what was stored before it. */
    void anotherWriterWinsTheNextRace(EmployeeId id, Runnable otherWriter) {
        Optional<Employee> before = super.find(id);
        otherWriter.run();
        readsBeforeTheOtherWriter.put(id, before);
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        Optional<Employee> stale = readsBeforeTheOtherWriter.remove(id);
        return stale != null ? stale : super.find(id);
    }
}
