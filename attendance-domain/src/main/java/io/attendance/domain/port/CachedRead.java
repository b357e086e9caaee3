package io.attendance.domain.port;

import io.attendance.domain.model.EmployeeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One kind of cached answer: its name (in cache keys and in the {@code entry} tag of the cache's
 * meters), the shape of its value, and whose changes hide it. Only {@link CachedReads} declares
 * them, so every adapter can prepare for each one when it starts.
 */
public final class CachedRead<V> {
    /** Lower-case words joined by '-': safe in any key and meter tag, and never query text. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Whose generation an entry follows, hence which change hides it ({@link ReadCache#employeeChanged}). */
    public enum Scope {
        /** Everything about one employee: a change to that employee or one of their records hides it. */
        EMPLOYEE,
        /** An answer that spans employees: a change to any employee or record hides it. */
        LISTINGS
    }

    private final String name;
    private final Scope scope;
    private final CachedValue<V> value;

    CachedRead(String name, Scope scope, CachedValue<V> value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a cached read is named in lower-case words joined by '-', not " + name);
        }
        this.name = name;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String name() {
        return name;
    }

    public Scope scope() {
        return scope;
    }

    public CachedValue<V> value() {
        return value;
    }

    /** The key of one employee's entry of this read. */
    CacheKey<V> of(EmployeeId employeeId, String... arguments) {
        return new CacheKey<>(this, Optional.of(employeeId), List.of(arguments));
    }

    /** The key of a listing of this read. */
    CacheKey<V> of(String... arguments) {
        return new CacheKey<>(this, Optional.empty(), List.of(arguments));
    }

    @Override
    public String toString() {
        return name;
    }
}
