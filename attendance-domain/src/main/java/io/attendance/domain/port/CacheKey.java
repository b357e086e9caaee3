package io.attendance.domain.port;

import io.attendance.domain.model.EmployeeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link ReadCache#lookup} asks for: equal keys name the same entry, distinct keys never
 * do. The employee is there exactly when the read follows an employee's generation; the arguments
 * are the rest of what the answer depends on, as text ({@link CachedReads} derives them).
 */
public record CacheKey<V>(CachedRead<V> read, Optional<EmployeeId> employee, List<String> arguments) {
    public CacheKey {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(employee, "employee");
        arguments = List.copyOf(arguments);
        if (employee.isPresent() != (read.scope() == CachedRead.Scope.EMPLOYEE)) {
            throw new IllegalArgumentException("a key of " + read + " (" + read.scope() + ") "
                    + (employee.isPresent() ? "names an employee" : "names no employee"));
        }
    }
}
