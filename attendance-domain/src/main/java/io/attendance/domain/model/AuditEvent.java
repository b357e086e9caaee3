package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to one attendance record: who did what when, and the record before and after (absent
 * before a creation and after a deletion). Written in the same transaction as the change.
 */
public record AuditEvent(
        EmployeeId employeeId,
        WorkDate date,
        Instant at,
        String actor,
        AuditAction action,
        Optional<AttendanceRecord> before,
        Optional<AttendanceRecord> after) {

    public AuditEvent {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(at, "at");
        requireActor(actor);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        boolean consistent = switch (action) {
            case CREATED -> before.isEmpty() && after.isPresent();
            case UPDATED -> before.isPresent() && after.isPresent();
            case DELETED -> before.isPresent() && after.isEmpty();
        };
        if (!consistent) {
            throw new IllegalArgumentException(action + " event with before=" + before.isPresent() + ", after=" + after.isPresent());
        }
    }

    /** Every audit event, of a record or of an employee, names who made the change. */
    static void requireActor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an actor");
        }
    }

    public static AuditEvent created(AttendanceRecord record, String actor) {
        return new AuditEvent(record.employeeId(), record.date(), record.updatedAt(), actor, AuditAction.CREATED,
                Optional.empty(), Optional.of(record));
    }

    public static AuditEvent updated(AttendanceRecord before, AttendanceRecord after, String actor) {
        return new AuditEvent(after.employeeId(), after.date(), after.updatedAt(), actor, AuditAction.UPDATED,
                Optional.of(before), Optional.of(after));
    }

    public static AuditEvent deleted(AttendanceRecord before, Instant at, String actor) {
        return new AuditEvent(before.employeeId(), before.date(), at, actor, AuditAction.DELETED,
                Optional.of(before), Optional.empty());
    }
}
