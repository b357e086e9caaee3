package io.attendance.application;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.port.AttendanceRecords;
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
 * Payroll's and migrations' bulk write: up to {@value #MAX_ITEMS} records upserted atomically, all
 * or none, every invalid item reported at once by its index ({@code [3].status}).
 */
public final class ImportBatch {
    public static final int MAX_ITEMS = 1000;

    private final Transactions transactions;
    private final Employees employees;
    private final AttendanceRecords records;
    private final RecordUpserts upserts;
    private final ReadCache cache;
    private final Clock clock;

    ImportBatch(Transactions transactions, Employees employees, AttendanceRecords records, RecordUpserts upserts,
            ReadCache cache, Clock clock) {
        this.transactions = transactions;
        this.employees = employees;
        this.records = records;
        this.upserts = upserts;
        this.cache = cache;
        this.clock = clock;
    }

    /** How many records a batch created and changed; the others already said the same. */
    public record Outcome(int created, int updated, int unchanged) {
    }

    /** Applies every item, or none when any is invalid. */
    public Outcome apply(List<PutRecordCommand.Input> inputs, String actor) {
        Applied applied = Races.retried(() -> transactions.inTransaction(() -> {
            // validated in the unit of work that writes: the employees checked are the ones written for
            List<PutRecordCommand> commands = validated(inputs);
            int created = 0;
            int updated = 0;
            for (PutRecordCommand command : commands) {
                Optional<AttendanceRecord> stored = records.find(command.employeeId(), command.date());
                switch (upserts.upsert(command, stored, Precondition.NONE, actor).outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> {
                    }
                }
            }
            return new Applied(new Outcome(created, updated, commands.size() - created - updated),
                    commands.stream().map(PutRecordCommand::employeeId).distinct().toList());
        }));
        applied.employees().forEach(cache::employeeChanged);
        return applied.outcome();
    }

    private record Applied(Outcome outcome, List<EmployeeId> employees) {
    }

    private List<PutRecordCommand> validated(List<PutRecordCommand.Input> inputs) {
        if (inputs.isEmpty() || inputs.size() > MAX_ITEMS) {
            throw new ValidationFailed("items", "a batch holds 1 to " + MAX_ITEMS + " records, it had " + inputs.size());
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
}
