package io.attendance.application;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The size rule on its own, for a reader that can count the items before reading them: a huge
     * batch is then refused without a field error per item.
     *
     * @throws ValidationFailed on {@code items} when there are none or more than {@value #MAX_ITEMS}
     */
    public static void checkSize(int items) {
        if (items < 1 || items > MAX_ITEMS) {
            throw new ValidationFailed("items", "a batch holds 1 to " + MAX_ITEMS + " records, it had " + items);
        }
    }

    /**
     * One item of a batch as its reader found it: the command, or the field errors (named with the
     * item's index, {@code [3].status}) that kept it from being read.
     */
    public record Item(Optional<PutRecordCommand> command, List<FieldError> unreadable) {
        public Item {
            unreadable = List.copyOf(unreadable);
            if (command.isPresent() == !unreadable.isEmpty()) {
                throw new IllegalArgumentException("an item is either read or unreadable");
            }
        }

        public static Item read(PutRecordCommand command) {
            return new Item(Optional.of(command), List.of());
        }

        public static Item unreadable(List<FieldError> errors) {
            return new Item(Optional.empty(), errors);
        }
    }

    /** Applies every item, or none when any is invalid: every error is then reported, by index. */
    public Outcome apply(List<Item> items, String actor) {
        Applied applied = Races.retried(() -> transactions.inTransaction(() -> {
            // validated in the unit of work that writes: the employees checked are the ones written for
            List<PutRecordCommand> commands = validated(items);
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

    /** The errors of a batch, reported in the order of the items; an unreadable item is never checked further. */
    private static final class ErrorsByIndex {
        private final SortedMap<Integer, List<FieldError>> unreadable = new TreeMap<>();
        private final SortedMap<Integer, FieldErrors> invalid = new TreeMap<>();

        FieldErrors of(int index) {
            return invalid.computeIfAbsent(index, ignored -> new FieldErrors("[" + index + "]."));
        }

        void throwIfAny() {
            SortedMap<Integer, List<FieldError>> all = new TreeMap<>(unreadable);
            invalid.forEach((index, errors) -> all.put(index, errors.list()));
            List<FieldError> inOrder = all.values().stream().flatMap(List::stream).toList();
            if (!inOrder.isEmpty()) {
                throw new ValidationFailed(inOrder);
            }
        }
    }

    private List<PutRecordCommand> validated(List<Item> items) {
        checkSize(items.size());
        ErrorsByIndex errors = new ErrorsByIndex();
        SortedMap<Integer, PutRecordCommand> readable = new TreeMap<>();
        Map<AttendanceKey, Integer> firstIndex = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            if (item.command().isEmpty()) {
                errors.unreadable.put(index, item.unreadable());
                continue;
            }
            PutRecordCommand command = item.command().get();
            Integer earlier = firstIndex.putIfAbsent(new AttendanceKey(command.date(), command.employeeId()), index);
            if (earlier != null) {
                errors.of(index).add("date", "repeats the employee and date of item " + earlier);
            }
            if (errors.of(index).check(() -> command.date().requireWithinBookingWindow(clock)) != null) {
                readable.put(index, command);
            }
        }
        Map<EmployeeId, Employee> known = knownEmployees(readable.values());
        readable.forEach((index, command) -> {
            Employee employee = known.get(command.employeeId());
            if (employee == null) {
                errors.of(index).add("employeeId", "is not a known employee");
            } else {
                errors.of(index).check(() -> command.entry().requireOn(command.date(), employee.timezone()));
            }
        });
        errors.throwIfAny();
        return List.copyOf(readable.values());
    }

    private Map<EmployeeId, Employee> knownEmployees(Collection<PutRecordCommand> commands) {
        Map<EmployeeId, Employee> known = new HashMap<>();
        commands.stream().map(PutRecordCommand::employeeId).distinct()
                .forEach(id -> employees.find(id).ifPresent(employee -> known.put(id, employee)));
        return known;
    }
}
