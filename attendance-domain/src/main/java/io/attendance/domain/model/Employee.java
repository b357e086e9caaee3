package io.attendance.domain.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A person whose attendance is recorded. {@code version} starts at 1 and grows with every change,
 * for optimistic concurrency. An employee is never deleted: leaving makes them inactive, and their
 * records stay.
 */
public record Employee(EmployeeId id, EmployeeDetails details, long version, Instant createdAt, Instant updatedAt) {

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Versions.check(version, createdAt, updatedAt);
    }

    /** An employee never stored before: version 1, created and updated now. */
    public static Employee first(EmployeeId id, EmployeeDetails details, Instant now) {
        return new Employee(id, details, 1, now, now);
    }

    /** The next version with these details; empty when they are the details it has. */
    public Optional<Employee> revised(EmployeeDetails newDetails, Instant now) {
        return newDetails.equals(details)
                ? Optional.empty()
                : Optional.of(new Employee(id, newDetails, version + 1, createdAt, later(now)));
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    public String name() {
        return details.name();
    }

    public Optional<String> department() {
        return details.department();
    }

    public ZoneId timezone() {
        return details.timezone();
    }

    public boolean active() {
        return details.active();
    }
}
