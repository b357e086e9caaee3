package io.attendance.adapter.postgres;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The employees and records of this module's tests; instants to the microsecond, as PostgreSQL keeps them. */
final class TestData {
    static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TestData() {
    }

    /** An active employee in UTC, without a department, stored for the first time {@link #NOW}. */
    static Employee employee(String id, String name) {
        return Employee.first(new EmployeeId(id), EmployeeDetails.named(name, ZoneId.of("UTC")), NOW);
    }

    static Employee employee(String id, String name, String department, boolean active) {
        return Employee.first(new EmployeeId(id),
                new EmployeeDetails(name, Optional.of(department), PARIS, active), NOW);
    }

    /** A first record with this status only, as v1 writes it. */
    static AttendanceRecord record(Employee employee, WorkDate date, AttendanceStatus status) {
        return AttendanceRecord.first(employee.id(), date, status, NOW);
    }

    /** A day with every field: check-in at 08:00, check-out at 16:30 UTC of that day, a note. */
    static DayEntry fullDay(WorkDate date, String note) {
        Instant in = date.value().atTime(8, 0).toInstant(ZoneOffset.UTC);
        return DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .checkIn(in)
                .checkOut(in.plusSeconds(8 * 3600 + 1800))
                .note(note)
                .build();
    }
}
