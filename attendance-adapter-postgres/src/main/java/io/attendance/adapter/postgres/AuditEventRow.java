package io.attendance.adapter.postgres;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code audit_events}: the action by its enum name, and the record before and after as
 * {@link AttendanceRow}s, kept in the jsonb columns {@code before} and {@code after}
 * ({@link AttendanceRow#SNAPSHOT}), NULL when absent. A snapshot's employee and date are the event's
 * own. Statements bind and read a snapshot as columns named with {@link #BEFORE} and {@link #AFTER}.
 */
record AuditEventRow(
        String employeeId,
        LocalDate workDate,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        Optional<AttendanceRow> before,
        Optional<AttendanceRow> after) {
    static final String BEFORE = "before_";
    static final String AFTER = "after_";
    /** The columns an append fills, in the order of {@link #values}. */
    static final String COLUMNS = "employee_id, work_date, occurred_at, actor, action, before, after";
    /** What a SELECT reads for {@link #read}: the event's columns, and its snapshots' fields from their JSON. */
    static final String SELECTED = "employee_id, work_date, occurred_at, actor, action, "
            + AttendanceRow.SNAPSHOT.read("before", BEFORE) + ", " + AttendanceRow.SNAPSHOT.read("after", AFTER);

    static AuditEventRow read(ResultSet rs) throws SQLException {
        return new AuditEventRow(
                rs.getString("employee_id"),
                rs.getObject("work_date", LocalDate.class),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"),
                rs.getString("action"),
                AttendanceRow.readContent(rs, BEFORE),
                AttendanceRow.readContent(rs, AFTER));
    }

    /** @throws IllegalArgumentException when a snapshot is of another record than the event */
    static AuditEventRow fromDomain(AuditEvent event) {
        event.before().ifPresent(record -> requireSameRecord(event, record));
        event.after().ifPresent(record -> requireSameRecord(event, record));
        return new AuditEventRow(
                event.employeeId().value(),
                event.date().value(),
                event.at().atOffset(ZoneOffset.UTC),
                event.actor(),
                event.action().name(),
                event.before().map(AttendanceRow::fromDomain),
                event.after().map(AttendanceRow::fromDomain));
    }

    static AuditEvent toDomain(AuditEventRow row) {
        return new AuditEvent(
                new EmployeeId(row.employeeId()),
                new WorkDate(row.workDate()),
                row.occurredAt().toInstant(),
                row.actor(),
                AuditAction.valueOf(row.action()),
                row.before().map(AttendanceRow::toDomain),
                row.after().map(AttendanceRow::toDomain));
    }

    /**
     * The values of {@link #COLUMNS}, from {@link #parameters} named with {@code prefix}: {@code ":"}
     * for a statement's named parameters, {@code ""} for the columns of an unnest of them.
     */
    static String values(String prefix) {
        return Stream.of("employee_id", "work_date", "occurred_at", "actor", "action").map(column -> prefix + column)
                .collect(Collectors.joining(", ", "", ", ")) + AttendanceRow.SNAPSHOT.build(prefix + BEFORE) + ", "
                + AttendanceRow.SNAPSHOT.build(prefix + AFTER);
    }

    /** Every field as a parameter ({@code employee_id}, {@code before_status}...), as {@link #values} takes them. */
    Parameters parameters() {
        return new Parameters()
                .add("employee_id", employeeId, String.class)
                .add("work_date", workDate, LocalDate.class)
                .add("occurred_at", occurredAt, OffsetDateTime.class)
                .add("actor", actor, String.class)
                .add("action", action, String.class)
                .addAll(AttendanceRow.parameters(BEFORE, before))
                .addAll(AttendanceRow.parameters(AFTER, after));
    }

    /** Binds every parameter by name ({@code :employee_id}, {@code :before_status}...). */
    static <S extends SqlStatement<S>> S bind(S statement, AuditEventRow row) {
        return row.parameters().bindTo(statement);
    }

    private static void requireSameRecord(AuditEvent event, AttendanceRecord record) {
        if (!record.employeeId().equals(event.employeeId()) || !record.date().equals(event.date())) {
            throw new IllegalArgumentException("an audit event of " + event.employeeId() + " on " + event.date()
                    + " holds a record of " + record.employeeId() + " on " + record.date());
        }
    }
}
