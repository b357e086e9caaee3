package io.attendance.adapter.postgres;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A row of {@code attendance_records}: the status is stored by its enum name, instants as timestamptz. */
record AttendanceRow(
        String employeeId,
        LocalDate workDate,
        String status,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static AttendanceRow read(ResultSet rs) throws SQLException {
        return new AttendanceRow(
                rs.getString("employee_id"),
                rs.getObject("work_date", LocalDate.class),
                rs.getString("status"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    static AttendanceRow fromDomain(AttendanceRecord record) {
        return new AttendanceRow(
                record.employeeId().value(),
                record.date().value(),
                record.status().name(),
                record.version(),
                record.createdAt().atOffset(ZoneOffset.UTC),
                record.updatedAt().atOffset(ZoneOffset.UTC));
    }

    static AttendanceRecord toDomain(AttendanceRow row) {
        return new AttendanceRecord(
                new EmployeeId(row.employeeId()),
                new WorkDate(row.workDate()),
                AttendanceStatus.valueOf(row.status()),
                row.version(),
                row.createdAt().toInstant(),
                row.updatedAt().toInstant());
    }
}
