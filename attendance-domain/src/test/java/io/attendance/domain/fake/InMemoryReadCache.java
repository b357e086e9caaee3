package io.attendance.domain.fake;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A process-local {@link ReadCache} with the same generation rule as the real one: every entry is
 * stored under the generation its lookup saw, the employee's for employee entries, the listings'
 * for listings. {@link #employeeChanged} moves that employee's generation and the listings' on, so
 * a fill from a lookup made before it lands where no later lookup looks. Keys are the arguments
 * themselves (compared with {@code equals}), so distinct arguments never share an entry.
 */
public final class InMemoryReadCache implements ReadCache {
    /** Whose generation an entry follows: one employee's, or (owner empty) the listings'. */
    private record Key(Optional<EmployeeId> owner, String kind, List<Object> arguments, long generation) {
    }

    private final Map<EmployeeId, AtomicLong> employeeGenerations = new ConcurrentHashMap<>();
    private final AtomicLong listingGeneration = new AtomicLong();
    private final Map<Key, Object> entries = new ConcurrentHashMap<>();
    private final Consumer<EmployeeId> onEmployeeChanged;

    public InMemoryReadCache() {
        this(changed -> {
        });
    }

    /** @param onEmployeeChanged runs at every {@link #employeeChanged}, on the caller's thread: tests see when it is called */
    public InMemoryReadCache(Consumer<EmployeeId> onEmployeeChanged) {
        this.onEmployeeChanged = onEmployeeChanged;
    }

    @Override
    public Cached<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId) {
        return employeeEntry(employeeId, "latestAttendance", List.of());
    }

    @Override
    public Cached<byte[]> allAttendance() {
        return listing("allAttendance", List.of());
    }

    @Override
    public Cached<Optional<Employee>> employee(EmployeeId employeeId) {
        return employeeEntry(employeeId, "employee", List.of());
    }

    @Override
    public Cached<Optional<AttendanceRecord>> record(EmployeeId employeeId, WorkDate date) {
        return employeeEntry(employeeId, "record", List.of(date));
    }

    @Override
    public Cached<List<AttendanceRecord>> recordsOfEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return employeeEntry(employeeId, "recordsOfEmployee", List.of(from, to));
    }

    @Override
    public Cached<List<AttendanceRecord>> attendancePage(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        return listing("attendancePage", List.of(query, after, limit));
    }

    @Override
    public Cached<List<Employee>> employeePage(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return listing("employeePage", List.of(query, after, limit));
    }

    @Override
    public void employeeChanged(EmployeeId employeeId) {
        onEmployeeChanged.accept(employeeId);
        generationOf(employeeId).incrementAndGet();
        listingGeneration.incrementAndGet();
    }

    private <T> Cached<T> employeeEntry(EmployeeId employeeId, String kind, List<Object> arguments) {
        return lookup(new Key(Optional.of(employeeId), kind, arguments, generationOf(employeeId).get()));
    }

    private <T> Cached<T> listing(String kind, List<Object> arguments) {
        return lookup(new Key(Optional.empty(), kind, arguments, listingGeneration.get()));
    }

    @SuppressWarnings("unchecked")
    private <T> Cached<T> lookup(Key key) {
        Object value = entries.get(key);
        if (value != null) {
            return new Cached.Hit<>((T) value);
        }
        return (Cached.Miss<T>) fill -> entries.put(key, Objects.requireNonNull(fill, "a cached answer"));
    }

    private AtomicLong generationOf(EmployeeId employeeId) {
        return employeeGenerations.computeIfAbsent(employeeId, ignored -> new AtomicLong());
    }
}
