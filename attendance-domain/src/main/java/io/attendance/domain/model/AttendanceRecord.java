package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The one authoritative record of an employee's day. {@code version} starts at 1 and grows with
 * every change, for optimistic concurrency.
 */
public record AttendanceRecord(
        EmployeeId employeeId,
        WorkDate date,
        AttendanceStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public AttendanceRecord {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt precedes createdAt");
        }
    }

    /** A record that has never been stored: version 1, created and updated now. */
    public static AttendanceRecord first(EmployeeId employeeId, WorkDate date, AttendanceStatus status, Instant now) {
        return new AttendanceRecord(employeeId, date, status, 1, now, now);
    }
}
