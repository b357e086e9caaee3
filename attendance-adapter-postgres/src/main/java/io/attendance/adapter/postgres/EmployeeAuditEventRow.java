package io.attendance.adapter.postgres;

import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.EmployeeAuditEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code employee_audit_events}: the action by its enum name, and the employee before and
 * after as {@link EmployeeRow}s, kept in the jsonb columns {@code before} and {@code after}
 * ({@link EmployeeRow#SNAPSHOT}), before's NULL when absent. A snapshot's id is the event's own.
 * Statements bind and read a snapshot as columns named as in {@link AuditEventRow}.
 */
record EmployeeAuditEventRow(
        String employeeId,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        Optional<EmployeeRow> before,
        EmployeeRow after) {
    /** The columns an append fills, in the order of {@link #values}. */
    static final String COLUMNS = "employee_id, occurred_at, actor, action, before, after";
    /** What a SELECT reads for {@link #read}: the event's columns, and its snapshots' fields from their JSON. */
    static final String SELECTED = "employee_id, occurred_at, actor, action, "
            + EmployeeRow.SNAPSHOT.read("before", AuditEventRow.BEFORE) + ", "
            + EmployeeRow.SNAPSHOT.read("after", AuditEventRow.AFTER);

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

    /**
     * The values of {@link #COLUMNS}, from {@link #parameters} named with {@code prefix}: {@code ":"}
     * for a statement's named parameters, {@code ""} for the columns of an unnest of them.
     */
    static String values(String prefix) {
        return Stream.of("employee_id", "occurred_at", "actor", "action").map(column -> prefix + column)
                .collect(Collectors.joining(", ", "", ", ")) + EmployeeRow.SNAPSHOT.build(prefix + AuditEventRow.BEFORE)
                + ", " + EmployeeRow.SNAPSHOT.build(prefix + AuditEventRow.AFTER);
    }

    /** Every field as a parameter ({@code employee_id}, {@code before_name}...), as {@link #values} takes them. */
    Parameters parameters() {
        return new Parameters()
                .add("employee_id", employeeId, String.class)
                .add("occurred_at", occurredAt, OffsetDateTime.class)
                .add("actor", actor, String.class)
                .add("action", action, String.class)
                .addAll(EmployeeRow.snapshotParameters(AuditEventRow.BEFORE, before))
                .addAll(EmployeeRow.snapshotParameters(AuditEventRow.AFTER, Optional.of(after)));
    }

    /** Binds every parameter by name ({@code :employee_id}, {@code :before_name}...). */
    <S extends SqlStatement<S>> S bind(S statement) {
        return parameters().bindTo(statement);
    }
}
