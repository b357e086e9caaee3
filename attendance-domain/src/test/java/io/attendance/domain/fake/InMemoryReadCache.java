package io.attendance.domain.fake;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A process-local {@link ReadCache} with the same generation rule as the real one. */
public final class InMemoryReadCache implements ReadCache {
    private static final String ALL = "all";

    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<String, Object> entries = new ConcurrentHashMap<>();

    @Override
    public Cached<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId) {
        return lookup("latest:" + employeeId.value());
    }

    @Override
    public Cached<List<EmployeeAttendance>> allAttendance() {
        return lookup(ALL);
    }

    @Override
    public void attendanceChanged(EmployeeId employeeId) {
        generation("latest:" + employeeId.value()).incrementAndGet();
        generation(ALL).incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private <T> Cached<T> lookup(String name) {
        long seen = generation(name).get();
        String key = name + "@" + seen;
        Object value = entries.get(key);
        if (value != null) {
            return new Cached.Hit<>((T) value);
        }
        return (Cached.Miss<T>) fill -> entries.put(key, fill);
    }

    private AtomicLong generation(String name) {
        return generations.computeIfAbsent(name, ignored -> new AtomicLong());
    }
}
