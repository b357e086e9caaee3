package io.attendance.adapter.postgres;

import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.EmployeeAuditEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code employee_audit_events}: the action by its enum name, and the employee before and
 * after as {@link EmployeeRow}s in the {@code before_*} and {@code after_*} columns, before's NULL
 * when absent. A snapshot's id is the event's own.
 */
record EmployeeAuditEventRow(
        String employeeId,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        Optional<EmployeeRow> before,
        EmployeeRow after) {

    static EmployeeAuditEventRow read(ResultSet rs) throws SQLException {
        return new EmployeeAuditEventRow(
                rs.getString("employee_id"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"),
                rs.getString("action"),
                EmployeeRow.readSnapshot(rs, AuditEventRow.BEFORE),
                EmployeeRow.readSnapshot(rs, AuditEventRow.AFTER).orElseThrow());
    }

    static EmployeeAuditEventRow fromDomain(EmployeeAuditEvent event) {
        return new EmployeeAuditEventRow(
                event.employeeId().value(),
                event.at().atOffset(ZoneOffset.UTC),
                event.actor(),
                event.action().name(),
                event.before().map(EmployeeRow::fromDomain),
                EmployeeRow.fromDomain(event.after()));
    }

    /** The event; its instant is its after version's update time, so occurred_at is not read back. */
    EmployeeAuditEvent toDomain() {
        return new EmployeeAuditEvent(actor, AuditAction.valueOf(action), before.map(EmployeeRow::toDomain),
                EmployeeRow.toDomain(after));
    }

    /** Every column as a parameter of its name ({@code employee_id}, {@code before_name}...). */
    Parameters parameters() {
        return new Parameters()
                .add("employee_id", employeeId, String.class)
                .add("occurred_at", occurredAt, OffsetDateTime.class)
                .add("actor", actor, String.class)
                .add("action", action, String.class)
                .addAll(EmployeeRow.snapshotParameters(AuditEventRow.BEFORE, before))
                .addAll(EmployeeRow.snapshotParameters(AuditEventRow.AFTER, Optional.of(after)));
    }

    /** Binds every column to the parameter of its name ({@code :employee_id}, {@code :before_name}...). */
    <S extends SqlStatement<S>> S bind(S statement) {
        return parameters().bindTo(statement);
    }
}
