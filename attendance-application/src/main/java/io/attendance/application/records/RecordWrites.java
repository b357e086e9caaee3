package io.attendance.application.records;

import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Races;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes to the daily records HR and payroll work with, one per employee per day: optimistic
 * concurrency, and every change audited in the same transaction as the change itself.
 */
public final class RecordWrites {

    private final Transactions transactions;
    private final DayChanges days;
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final RecordUpserts upserts;
    private final ReadCache cache;
    private final Clock clock;

    public RecordWrites(Transactions transactions, DayChanges days, AttendanceRecords records, AuditTrail audit,
            ReadCache cache, Clock clock) {
        this.transactions = transactions;
        this.days = days;
        this.records = records;
        this.audit = audit;
        this.upserts = new RecordUpserts(clock);
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Creates the day's record or replaces what it says; rewriting the same content changes nothing
     * (same version, no audit event).
     *
     * @throws NotFound when the employee does not exist
     * @throws PreconditionFailed when {@code precondition} does not hold, also when a concurrent
     *     writer wins the version the client pinned, or the create-only write finds it exists
     */
    public Written<AttendanceRecord> put(PutRecordCommand command, Precondition precondition, String actor) {
        command.date().requireWithinBookingWindow(clock);
        AtomicReference<Optional<AttendanceRecord>> firstRead = new AtomicReference<>();
        AtomicReference<Optional<AttendanceRecord>> plannedOver = new AtomicReference<>();
        Change change = days.apply(new AttendanceKey(command.date(), command.employeeId()), stored -> {
            Employee employee = stored.employee()
                    .orElseThrow(() -> new NotFound("no employee " + command.employeeId()));
            command.entry().requireOn(command.date(), employee.timezone());
            Optional<Long> version = stored.record().map(AttendanceRecord::version);
            firstRead.compareAndSet(null, stored.record());
            // planned again after another writer's change: a pinned write decides on the version it read first
            Optional<Long> versionReadFirst = firstRead.get().map(AttendanceRecord::version);
            if (precondition.pinsAVersion() && !versionReadFirst.equals(version)) {
                throw Precondition.changedMeanwhile();
            }
            precondition.check(version);
            plannedOver.set(stored.record());
            return upserts.change(command, stored.record(), actor);
        });
        cache.employeeChanged(command.employeeId());
        return RecordUpserts.written(change, plannedOver.get());
    }

    /** Deletes the day's record; its history stays. */
    public void delete(EmployeeId employeeId, WorkDate date, Precondition precondition, String actor) {
        Races.retried(() -> transactions.inTransaction(() -> {
            Optional<AttendanceRecord> stored = records.find(employeeId, date);
            precondition.check(stored.map(AttendanceRecord::version));
            AttendanceRecord current = stored
                    .orElseThrow(() -> new NotFound("no record of employee " + employeeId + " on " + date));
            Races.compareAndSet(records.remove(employeeId, date, current.version()), precondition);
            audit.append(AuditEvent.deleted(current, clock.instant(), actor));
            return current;
        }));
        cache.employeeChanged(employeeId);
    }
}
