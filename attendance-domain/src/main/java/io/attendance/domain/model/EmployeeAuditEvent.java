package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to an employee: who did what when, and the employee before and after (absent before a
 * creation). Employees are never deleted; a deactivation is an update whose after is inactive.
 * Written in the same transaction as the change.
 */
public record EmployeeAuditEvent(String actor, AuditAction action, Optional<Employee> before, Employee after) {

    public EmployeeAuditEvent {
        AuditEvent.requireActor(actor);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        boolean consistent = switch (action) {
            case CREATED -> before.isEmpty();
            case UPDATED -> before.filter(old -> old.id().equals(after.id())).isPresent();
            case DELETED -> false;
        };
        if (!consistent) {
            throw new IllegalArgumentException(action + " employee event with before=" + before.isPresent());
        }
    }

    public static EmployeeAuditEvent created(Employee employee, String actor) {
        return new EmployeeAuditEvent(actor, AuditAction.CREATED, Optional.empty(), employee);
    }

    public static EmployeeAuditEvent updated(Employee before, Employee after, String actor) {
        return new EmployeeAuditEvent(actor, AuditAction.UPDATED, Optional.of(before), after);
    }

    public EmployeeId employeeId() {
        return after.id();
    }

    /** When the change was made: the after version's update time. */
    public Instant at() {
        return after.updatedAt();
    }
}
