package io.attendance.domain.fake;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import java.util.function.Function;

/**
 * {@link DayChanges} over an {@link InMemoryDatabase}: each call is a unit of work of its own, so
 * calls never race and the plan runs once. The writes go through the other fakes, whose checks
 * (a first version must be new, a next version must follow) this shares.
 */
public final class InMemoryDayChanges implements DayChanges {
    private final InMemoryDatabase db;
    private final Employees employees;
    private final AttendanceRecords records;
    private final AuditTrail audit;

    public InMemoryDayChanges(InMemoryDatabase db) {
        this(db, new InMemoryEmployees(db), new InMemoryAttendanceRecords(db), new InMemoryAuditTrail(db));
    }

    /** Reading and writing through these ports over {@code db}, such as decorators that fail or count calls. */
    public InMemoryDayChanges(InMemoryDatabase db, Employees employees, AttendanceRecords records, AuditTrail audit) {
        this.db = db;
        this.employees = employees;
        this.records = records;
        this.audit = audit;
    }

    @Override
    public Change apply(AttendanceKey day, Function<Stored, Change> plan) {
        return db.inTransaction(() -> {
            Stored stored = new Stored(employees.find(day.employeeId()),
                    records.find(day.employeeId(), day.date()));
            Change change = plan.apply(stored);
            change.requireAppliesTo(day, stored);
            change.employee().ifPresent(written -> {
                stored.employee().map(Employee::version).ifPresentOrElse(
                        version -> employees.replace(written.value(), version),
                        () -> employees.add(written.value()));
                audit.append(written.event());
            });
            change.record().ifPresent(written -> {
                stored.record().map(AttendanceRecord::version).ifPresentOrElse(
                        version -> records.replace(written.value(), version),
                        () -> records.add(written.value()));
                audit.append(written.event());
            });
            return change;
        });
    }
}
