package io.attendance.adapter.postgres;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A row of {@code attendance_records}, or a record's snapshot in {@code audit_events}: the status
 * and the source by their enum names, instants as timestamptz, absent values as NULL. A snapshot is
 * bound and read as the same columns, which {@link #SNAPSHOT} turns into its JSON and back.
 */
record AttendanceRow(
        String employeeId,
        LocalDate workDate,
        String status,
        OffsetDateTime checkIn,
        OffsetDateTime checkOut,
        String note,
        String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * The columns that belong to the record itself, beside its employee and date, and the members
     * of its snapshot in {@code audit_events}, named as {@code V2RecordView} names them (the status
     * by its label, as the API writes it).
     */
    static final JsonSnapshot SNAPSHOT = new JsonSnapshot(List.of(
            JsonSnapshot.labelled("status", "status", Arrays.stream(AttendanceStatus.values())
                    .collect(Collectors.toMap(AttendanceStatus::name, AttendanceStatus::label))),
            JsonSnapshot.instant("checkIn", "check_in"),
            JsonSnapshot.instant("checkOut", "check_out"),
            JsonSnapshot.plain("note", "note", "text"),
            JsonSnapshot.plain("source", "source", "text"),
            JsonSnapshot.plain("version", "version", "bigint"),
            JsonSnapshot.instant("createdAt", "created_at"),
            JsonSnapshot.instant("updatedAt", "updated_at")));
    private static final List<String> CONTENT = SNAPSHOT.columns();

    static AttendanceRow read(ResultSet rs) throws SQLException {
        return readContent(rs, "").orElseThrow();
    }

    /**
     * The record whose {@code employee_id} and {@code work_date} are those columns and whose content
     * columns are named with {@code prefix} ({@code before_status}...); absent when they are NULL.
     */
    static Optional<AttendanceRow> readContent(ResultSet rs, String prefix) throws SQLException {
        String status = rs.getString(prefix + "status");
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new AttendanceRow(
                rs.getString("employee_id"),
                rs.getObject("work_date", LocalDate.class),
                status,
                rs.getObject(prefix + "check_in", OffsetDateTime.class),
                rs.getObject(prefix + "check_out", OffsetDateTime.class),
                rs.getString(prefix + "note"),
                rs.getString(prefix + "source"),
                rs.getLong(prefix + "version"),
                rs.getObject(prefix + "created_at", OffsetDateTime.class),
                rs.getObject(prefix + "updated_at", OffsetDateTime.class)));
    }

    static AttendanceRow fromDomain(AttendanceRecord record) {
        DayEntry entry = record.entry();
        return new AttendanceRow(
                record.employeeId().value(),
                record.date().value(),
                entry.status().name(),
                entry.checkIn().map(AttendanceRow::utc).orElse(null),
                entry.checkOut().map(AttendanceRow::utc).orElse(null),
                entry.note().orElse(null),
                entry.source().name(),
                record.version(),
                utc(record.createdAt()),
                utc(record.updatedAt()));
    }

    static AttendanceRecord toDomain(AttendanceRow row) {
        DayEntry entry = DayEntry.of(AttendanceStatus.valueOf(row.status()), RecordSource.valueOf(row.source()))
                .checkIn(Optional.ofNullable(row.checkIn()).map(OffsetDateTime::toInstant))
                .checkOut(Optional.ofNullable(row.checkOut()).map(OffsetDateTime::toInstant))
                .note(Optional.ofNullable(row.note()))
                .build();
        return new AttendanceRecord(
                new EmployeeId(row.employeeId()),
                new WorkDate(row.workDate()),
                entry,
                row.version(),
                row.createdAt().toInstant(),
                row.updatedAt().toInstant());
    }

    /**
     * The record's content as parameters named like its columns with {@code prefix}
     * ({@code before_status}...), NULL when {@code row} is absent; led by its employee and date
     * ({@code employee_id}, {@code work_date}) when {@code prefix} is empty.
     */
    static Parameters parameters(String prefix, Optional<AttendanceRow> row) {
        Parameters parameters = new Parameters();
        if (prefix.isEmpty()) {
            AttendanceRow present = row.orElseThrow();
            parameters.add("employee_id", present.employeeId(), String.class)
                    .add("work_date", present.workDate(), LocalDate.class);
        }
        return parameters
                .add(prefix + "status", row.map(AttendanceRow::status).orElse(null), String.class)
                .add(prefix + "check_in", row.map(AttendanceRow::checkIn).orElse(null), OffsetDateTime.class)
                .add(prefix + "check_out", row.map(AttendanceRow::checkOut).orElse(null), OffsetDateTime.class)
                .add(prefix + "note", row.map(AttendanceRow::note).orElse(null), String.class)
                .add(prefix + "source", row.map(AttendanceRow::source).orElse(null), String.class)
                .add(prefix + "version", row.map(AttendanceRow::version).orElse(null), Long.class)
                .add(prefix + "created_at", row.map(AttendanceRow::createdAt).orElse(null), OffsetDateTime.class)
                .add(prefix + "updated_at", row.map(AttendanceRow::updatedAt).orElse(null), OffsetDateTime.class);
    }

    /** The content columns, each named with {@code prefix}: {@code r.status, ...}. */
    static String contentColumns(String prefix) {
        return CONTENT.stream().map(column -> prefix + column).collect(Collectors.joining(", "));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
