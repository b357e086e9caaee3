package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one authoritative record of an employee's day. {@code version} starts at 1 and grows with
 * every change, for optimistic concurrency.
 */
public record AttendanceRecord(
        EmployeeId employeeId,
        WorkDate date,
        DayEntry entry,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public AttendanceRecord {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(entry, "entry");
        Versions.check(version, createdAt, updatedAt);
    }

    /** A record that has never been stored: version 1, created and updated now. */
    public static AttendanceRecord first(EmployeeId employeeId, WorkDate date, DayEntry entry, Instant now) {
        return new AttendanceRecord(employeeId, date, entry, 1, now, now);
    }

    /** A first record with a status only, written through v1. */
    public static AttendanceRecord first(EmployeeId employeeId, WorkDate date, AttendanceStatus status, Instant now) {
        return first(employeeId, date, DayEntry.statusOnly(status, RecordSource.V1), now);
    }

    /** The next version with this entry; empty when the entry says what this record says. */
    public Optional<AttendanceRecord> revised(DayEntry newEntry, Instant now) {
        if (newEntry.sameContentAs(entry)) {
            return Optional.empty();
        }
        return Optional.of(new AttendanceRecord(employeeId, date, newEntry, version + 1, createdAt,
                now.isBefore(updatedAt) ? updatedAt : now));
    }

    public AttendanceStatus status() {
        return entry.status();
    }

    public Optional<Long> workedMinutes() {
        return entry.workedMinutes();
    }

    /** Where this record sits in listings ordered by date, then employee. */
    public AttendanceKey key() {
        return new AttendanceKey(date, employeeId);
    }
}
