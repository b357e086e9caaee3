package io.attendance.testing;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * {@link DayChanges} over an {@link InMemoryStore}: each call is a unit of work of its own, so
 * calls never race and the plan runs once. The writes go through the other fakes, whose checks
 * (a first version must be new, a next version must follow) this shares: the employees and the audit
 * trail through the ports given, the records straight into the in-memory records, since the
 * {@link AttendanceRecords} port only reads and deletes.
 */
public final class InMemoryDayChanges implements DayChanges {
    private final InMemoryStore db;
    private final Employees employees;
    private final AttendanceRecords records;
    private final InMemoryAttendanceRecords storedRecords;
    private final AuditTrail audit;

    /**
     * Reading and writing through these ports over {@code db}, such as decorators that fail or count
     * calls; {@code records} is only read from.
     */
    public InMemoryDayChanges(InMemoryStore db, Employees employees, AttendanceRecords records, AuditTrail audit) {
        this.db = db;
        this.employees = employees;
        this.records = records;
        this.storedRecords = new InMemoryAttendanceRecords(db);
        this.audit = audit;
    }

    @Override
    public List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan) {
        if (new HashSet<>(days).size() != days.size()) {
            throw new IllegalArgumentException("a day repeats in " + days);
        }
        return db.inTransaction(() -> {
            List<Stored> stored = days.stream()
                    .map(day -> new Stored(employees.find(day.employeeId()), records.find(day.employeeId(), day.date())))
                    .toList();
            List<Change> changes = plan.apply(stored);
            if (changes.size() != days.size()) {
                throw new IllegalArgumentException(changes.size() + " changes for " + days.size() + " days");
            }
            for (int i = 0; i < days.size(); i++) {
                changes.get(i).requireAppliesTo(days.get(i), stored.get(i));
            }
            for (int i = 0; i < days.size(); i++) {
                write(stored.get(i), changes.get(i));
            }
            return changes;
        });
    }

    private void write(Stored stored, Change change) {
        change.employee().ifPresent(written -> {
            stored.employee().map(Employee::version).ifPresentOrElse(
                    version -> employees.replace(written.value(), version),
                    () -> employees.add(written.value()));
            audit.append(written.event());
        });
        change.record().ifPresent(written -> {
            stored.record().map(AttendanceRecord::version).ifPresentOrElse(
                    version -> storedRecords.replace(written.value(), version),
                    () -> storedRecords.add(written.value()));
            audit.append(written.event());
        });
    }
}
