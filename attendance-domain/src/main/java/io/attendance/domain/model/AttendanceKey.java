package io.attendance.domain.model;

import java.util.Comparator;
import java.util.Objects;

/** Identifies a record, and orders records by date then employee: the order of every listing. */
public record AttendanceKey(WorkDate date, EmployeeId employeeId) implements Comparable<AttendanceKey> {
    private static final Comparator<AttendanceKey> ORDER =
            Comparator.comparing(AttendanceKey::date).thenComparing(AttendanceKey::employeeId);

    public AttendanceKey {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(employeeId, "employeeId");
    }

    @Override
    public int compareTo(AttendanceKey other) {
        return ORDER.compare(this, other);
    }
}
