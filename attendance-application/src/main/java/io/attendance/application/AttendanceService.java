package io.attendance.application;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The daily records HR and payroll work with: one per employee per day, written with optimistic
 * concurrency, every change audited in the same transaction.
 */
public final class AttendanceService {
    public static final int MAX_BATCH = 1000;

    private final Transactions transactions;
    private final Employees employees;
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final ReadCache cache;
    private final CursorCodec cursors;
    private final Clock clock;

    public AttendanceService(Transactions transactions, Employees employees, AttendanceRecords records,
            AuditTrail audit, ReadCache cache, CursorCodec cursors, Clock clock) {
        this.transactions = transactions;
        this.employees = employees;
        this.records = records;
        this.audit = audit;
        this.cache = cache;
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
        Written<AttendanceRecord> written = Races.retried(() -> transactions.inTransaction(() -> {
            Employee employee = employees.find(command.employeeId())
                    .orElseThrow(() -> new NotFound("no employee " + command.employeeId()));
            command.entry().requireOn(command.date(), employee.timezone());
            Optional<AttendanceRecord> stored = records.find(command.employeeId(), command.date());
            precondition.check(stored.map(AttendanceRecord::version));
            return upsert(command, stored, precondition, actor);
        }));
        cache.employeeChanged(command.employeeId());
        return written;
    }

    /** @throws NotFound when the employee has no record that day */
    public AttendanceRecord get(EmployeeId employeeId, WorkDate date) {
        return ReadThrough.of(cache.lookup(CachedReads.record(employeeId, date)), () -> records.find(employeeId, date))
                .orElseThrow(() -> new NotFound("no record of employee " + employeeId + " on " + date));
    }

    /** Deletes the day's record; its history stays. */
    public void delete(EmployeeId employeeId, WorkDate date, Precondition precondition, String actor) {
        Races.retried(() -> transactions.inTransaction(() -> {
            Optional<AttendanceRecord> stored = records.find(employeeId, date);
            precondition.check(stored.map(AttendanceRecord::version));
            AttendanceRecord current = stored
                    .orElseThrow(() -> new NotFound("no record of employee " + employeeId + " on " + date));
            Races.compareAndSet(records.remove(employeeId, date, current.version()), precondition, current.version());
            audit.append(AuditEvent.deleted(current, clock.instant(), actor));
            return current;
        }));
        cache.employeeChanged(employeeId);
    }

    /** The employee's records in the range, by date. @throws NotFound for an unknown employee */
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        AttendanceQuery.requireRange(from, to);
        ReadThrough.of(cache.lookup(CachedReads.employee(employeeId)), () -> employees.find(employeeId))
                .orElseThrow(() -> new NotFound("no employee " + employeeId));
        return ReadThrough.of(cache.lookup(CachedReads.recordsOfEmployee(employeeId, from, to)),
                () -> records.ofEmployee(employeeId, from, to));
    }

    public Page<AttendanceRecord> search(AttendanceQuery query, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Optional<AttendanceKey> after = cursors.decode(query, cursor);
        List<AttendanceRecord> fetched = ReadThrough.of(cache.lookup(CachedReads.attendancePage(query, after, limit + 1)),
                () -> records.search(query, after, limit + 1));
        return Page.of(fetched, limit, last -> cursors.encode(query, last.key()));
    }

    /** The changes to one record, oldest first. @throws NotFound when it never existed */
    public List<AuditEvent> history(EmployeeId employeeId, WorkDate date) {
        List<AuditEvent> events = audit.history(employeeId, date);
        if (events.isEmpty() && records.find(employeeId, date).isEmpty()) {
            throw new NotFound("no record of employee " + employeeId + " on " + date + " ever existed");
        }
        return events;
    }

    /** How many records a batch created and changed; the others already said the same. */
    public record BatchOutcome(int created, int updated, int unchanged) {
    }

    /**
     * Upserts up to {@value #MAX_BATCH} records atomically: all are applied, or none when any item
     * is invalid (every error reported, with its index: {@code [3].status}).
     */
    public BatchOutcome importBatch(List<PutRecordCommand.Input> inputs, String actor) {
        Applied applied = Races.retried(() -> transactions.inTransaction(() -> {
            // validated in the unit of work that writes: the employees checked are the ones written for
            List<PutRecordCommand> commands = validated(inputs);
            int created = 0;
            int updated = 0;
            for (PutRecordCommand command : commands) {
                Optional<AttendanceRecord> stored = records.find(command.employeeId(), command.date());
                Written<AttendanceRecord> written = upsert(command, stored, Precondition.NONE, actor);
                if (written.created()) {
                    created++;
                } else if (stored.map(before -> before != written.value()).orElse(false)) {
                    updated++;
                }
            }
            return new Applied(new BatchOutcome(created, updated, commands.size() - created - updated),
                    commands.stream().map(PutRecordCommand::employeeId).distinct().toList());
        }));
        applied.employees().forEach(cache::employeeChanged);
        return applied.outcome();
    }

    private record Applied(BatchOutcome outcome, List<EmployeeId> employees) {
    }

    private List<PutRecordCommand> validated(List<PutRecordCommand.Input> inputs) {
        if (inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            throw new ValidationFailed("items", "a batch holds 1 to " + MAX_BATCH + " records, it had " + inputs.size());
        }
        SortedMap<Integer, List<FieldError>> errorsByIndex = new TreeMap<>();
        SortedMap<Integer, PutRecordCommand> parsed = new TreeMap<>();
        Map<AttendanceKey, Integer> firstIndex = new HashMap<>();
        for (int index = 0; index < inputs.size(); index++) {
            String prefix = "[" + index + "].";
            try {
                PutRecordCommand command = PutRecordCommand.parse(inputs.get(index), RecordSource.BATCH, prefix);
                Integer earlier = firstIndex.putIfAbsent(new AttendanceKey(command.date(), command.employeeId()), index);
                if (earlier != null) {
                    errorsOf(errorsByIndex, index).add(
                            new FieldError(prefix + "date", "repeats the employee and date of item " + earlier));
                }
                command.date().requireWithinBookingWindow(clock);
                parsed.put(index, command);
            } catch (ValidationFailed e) {
                int at = index;
                e.errors().forEach(error -> errorsOf(errorsByIndex, at).add(error.field().startsWith("[")
                        ? error : new FieldError(prefix + error.field(), error.message())));
            }
        }
        unknownEmployeesAndZones(parsed).forEach((index, errors) -> errorsOf(errorsByIndex, index).addAll(errors));
        if (!errorsByIndex.isEmpty()) {
            throw new ValidationFailed(errorsByIndex.values().stream().flatMap(List::stream).toList());
        }
        return List.copyOf(parsed.values());
    }

    private static List<FieldError> errorsOf(Map<Integer, List<FieldError>> errorsByIndex, int index) {
        return errorsByIndex.computeIfAbsent(index, ignored -> new ArrayList<>());
    }

    /** Batch items (by index) naming an employee that does not exist, or checking in off their day. */
    private Map<Integer, List<FieldError>> unknownEmployeesAndZones(SortedMap<Integer, PutRecordCommand> commands) {
        Map<EmployeeId, Employee> known = transactions.inTransaction(() -> knownEmployees(commands.values()));
        Map<Integer, List<FieldError>> errors = new HashMap<>();
        commands.forEach((index, command) -> {
            Employee employee = known.get(command.employeeId());
            if (employee == null) {
                errorsOf(errors, index).add(new FieldError("[" + index + "].employeeId", "is not a known employee"));
                return;
            }
            try {
                command.entry().requireOn(command.date(), employee.timezone());
            } catch (ValidationFailed e) {
                e.errors().forEach(error -> errorsOf(errors, index)
                        .add(new FieldError("[" + index + "]." + error.field(), error.message())));
            }
        });
        return errors;
    }

    private Map<EmployeeId, Employee> knownEmployees(Collection<PutRecordCommand> commands) {
        Set<EmployeeId> ids = new LinkedHashSet<>();
        commands.forEach(command -> ids.add(command.employeeId()));
        Map<EmployeeId, Employee> known = new HashMap<>();
        ids.forEach(id -> employees.find(id).ifPresent(employee -> known.put(id, employee)));
        return known;
    }

    /** Inside a unit of work: create or revise, audit, and lose the race when another writer got there first. */
    private Written<AttendanceRecord> upsert(
            PutRecordCommand command, Optional<AttendanceRecord> stored, Precondition precondition, String actor) {
        if (stored.isEmpty()) {
            AttendanceRecord created = AttendanceRecord.first(
                    command.employeeId(), command.date(), command.entry(), clock.instant());
            Races.insert(() -> records.add(created), precondition);
            audit.append(AuditEvent.created(created, actor));
            return new Written<>(created, true);
        }
        AttendanceRecord current = stored.get();
        AttendanceRecord revised = current.revised(command.entry(), clock.instant());
        if (revised != current) {
            Races.compareAndSet(records.replace(revised, current.version()), precondition, current.version());
            audit.append(AuditEvent.updated(current, revised, actor));
        }
        return new Written<>(revised, false);
    }
}
