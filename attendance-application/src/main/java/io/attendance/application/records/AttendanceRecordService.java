package io.attendance.application.records;

import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.reading.ReadThrough;
import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Races;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daily records HR and payroll work with, one per employee per day: written with optimistic
 * concurrency and every change audited in the same transaction, read through the cache.
 */
public final class AttendanceRecordService {

    private final Transactions transactions;
    private final DayChanges days;
    private final Employees employees;
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final RecordUpserts upserts;
    private final ReadCache cache;
    private final ReadThrough reads;
    private final CursorCodec cursors;
    private final Clock clock;

    public AttendanceRecordService(Transactions transactions, DayChanges days, Employees employees,
            AttendanceRecords records, AuditTrail audit, ReadCache cache, ReadThrough reads, CursorCodec cursors,
            Clock clock) {
        this.transactions = transactions;
        this.days = days;
        this.employees = employees;
        this.records = records;
        this.audit = audit;
        this.upserts = new RecordUpserts(clock);
        this.cache = cache;
        this.reads = reads;
        this.cursors = cursors;
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

    /** @throws NotFound when the employee has no record that day */
    public AttendanceRecord get(EmployeeId employeeId, WorkDate date) {
        return reads.of(CachedReads.record(employeeId, date), () -> records.find(employeeId, date))
                .orElseThrow(() -> new NotFound("no record of employee " + employeeId + " on " + date));
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

    /** The employee's records in the range, by date. @throws NotFound for an unknown employee */
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        AttendanceQuery.requireRange(from, to);
        reads.of(CachedReads.employee(employeeId), () -> employees.find(employeeId))
                .orElseThrow(() -> new NotFound("no employee " + employeeId));
        return reads.of(CachedReads.recordsOfEmployee(employeeId, from, to),
                () -> records.ofEmployee(employeeId, from, to));
    }

    public Page<AttendanceRecord> search(AttendanceQuery query, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Optional<AttendanceKey> after = cursors.decode(query, cursor);
        List<AttendanceRecord> fetched = reads.of(CachedReads.attendancePage(query, after, limit + 1),
                () -> records.search(query, after, limit + 1));
        return Page.of(fetched, limit, last -> cursors.encode(query, last.key()));
    }

    /**
     * A page of the changes to one record, oldest first.
     *
     * @throws NotFound when it never existed
     * @throws io.attendance.domain.error.ValidationFailed on {@code limit} or {@code cursor}, when out
     *     of range or not a cursor of this record's history
     */
    public Page<AuditEvent> history(EmployeeId employeeId, WorkDate date, Optional<String> cursor,
            Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        AttendanceKey key = new AttendanceKey(date, employeeId);
        OptionalLong after = cursors.decodeHistory(key, cursor);
        List<Sequenced<AuditEvent>> fetched = audit.history(employeeId, date, after, limit + 1);
        if (fetched.isEmpty() && after.isEmpty() && records.find(employeeId, date).isEmpty()) {
            throw new NotFound("no record of employee " + employeeId + " on " + date + " ever existed");
        }
        return Page.ofSequenced(fetched, limit, last -> cursors.encodeHistory(key, last));
    }

}
