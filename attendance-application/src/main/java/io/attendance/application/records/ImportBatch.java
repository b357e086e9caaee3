package io.attendance.application.records;

import io.attendance.application.writing.Written;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.ReadCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Payroll's and migrations' bulk write: up to {@value #MAX_ITEMS} records upserted atomically, all
 * or none, every invalid item reported at once by its index ({@code [3].status}).
 */
public final class ImportBatch {
    public static final int MAX_ITEMS = 1000;

    private final DayChanges days;
    private final RecordUpserts upserts;
    private final ReadCache cache;
    private final Clock clock;

    public ImportBatch(DayChanges days, ReadCache cache, Clock clock) {
        this.days = days;
        this.upserts = new RecordUpserts(clock);
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

    /**
     * Applies every item, or none when any is invalid: every error is then reported, by index. The
     * items are validated against the employees read in the unit of work that writes them.
     */
    public Outcome apply(List<Item> items, String actor) {
        checkSize(items.size());
        List<AttendanceKey> keys = items.stream()
                .flatMap(item -> item.command().stream())
                .map(command -> new AttendanceKey(command.date(), command.employeeId()))
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            validated(items, Map.of());
        }
        List<Change> changes = days.applyAll(keys, stored -> {
            Map<EmployeeId, Employee> known = new HashMap<>();
            stored.forEach(day -> day.employee().ifPresent(employee -> known.put(employee.id(), employee)));
            Map<AttendanceKey, PutRecordCommand> commands = new HashMap<>();
            validated(items, known).forEach(command ->
                    commands.put(new AttendanceKey(command.date(), command.employeeId()), command));
            List<Change> planned = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                planned.add(upserts.change(commands.get(keys.get(i)), stored.get(i).record(), actor));
            }
            return planned;
        });
        cache.employeesChanged(keys.stream().map(AttendanceKey::employeeId).collect(Collectors.toSet()));
        Map<Written.Outcome, Long> outcomes = changes.stream()
                .collect(Collectors.groupingBy(RecordUpserts::outcome, Collectors.counting()));
        return new Outcome(count(outcomes, Written.Outcome.CREATED), count(outcomes, Written.Outcome.UPDATED),
                count(outcomes, Written.Outcome.UNCHANGED));
    }

    private static int count(Map<Written.Outcome, Long> outcomes, Written.Outcome outcome) {
        return Math.toIntExact(outcomes.getOrDefault(outcome, 0L));
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

    /** The commands of {@code items}, every one valid with the {@code known} employees. */
    private List<PutRecordCommand> validated(List<Item> items, Map<EmployeeId, Employee> known) {
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
}
