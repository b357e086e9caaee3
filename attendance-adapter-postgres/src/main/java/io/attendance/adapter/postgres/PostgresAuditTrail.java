package io.attendance.adapter.postgres;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.util.List;

/**
 * {@link AuditTrail} in {@code audit_events} (records) and {@code employee_audit_events}
 * (employees), one row per event. An append joins the caller's unit of work, so the event commits
 * or rolls back with the change it describes.
 */
public final class PostgresAuditTrail implements AuditTrail {
    private static final String SNAPSHOT_COLUMNS = AttendanceRow.contentColumns(AuditEventRow.BEFORE) + ", "
            + AttendanceRow.contentColumns(AuditEventRow.AFTER);
    private static final String APPEND = """
            INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action, %s)
            VALUES (:employee_id, :work_date, :occurred_at, :actor, :action, %s, %s)
            """.formatted(SNAPSHOT_COLUMNS, AttendanceRow.contentParameters(AuditEventRow.BEFORE),
            AttendanceRow.contentParameters(AuditEventRow.AFTER));
    /** The identity id is the order of appending; audit_events_history_idx serves the lookup in that order. */
    static final String HISTORY = """
            SELECT employee_id, work_date, occurred_at, actor, action, %s
              FROM audit_events
             WHERE employee_id = :employee_id AND work_date = :work_date
             ORDER BY id
            """.formatted(SNAPSHOT_COLUMNS);

    private static final String EMPLOYEE_SNAPSHOT_COLUMNS = EmployeeRow.snapshotColumns(AuditEventRow.BEFORE) + ", "
            + EmployeeRow.snapshotColumns(AuditEventRow.AFTER);
    private static final String APPEND_EMPLOYEE = """
            INSERT INTO employee_audit_events (employee_id, occurred_at, actor, action, %s)
            VALUES (:employee_id, :occurred_at, :actor, :action, %s, %s)
            """.formatted(EMPLOYEE_SNAPSHOT_COLUMNS, EmployeeRow.snapshotParameters(AuditEventRow.BEFORE),
            EmployeeRow.snapshotParameters(AuditEventRow.AFTER));
    /** The identity id is the order of appending; employee_audit_events_history_idx finds an employee's events. */
    static final String EMPLOYEE_HISTORY = """
            SELECT employee_id, occurred_at, actor, action, %s
              FROM employee_audit_events
             WHERE employee_id = :employee_id
             ORDER BY id
            """.formatted(EMPLOYEE_SNAPSHOT_COLUMNS);

    private final PostgresTransactions transactions;

    PostgresAuditTrail(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEvent event) {
        AuditEventRow row = AuditEventRow.fromDomain(event);
        transactions.withHandle(handle -> AuditEventRow.bind(handle.createUpdate(APPEND), row).execute());
    }

    @Override
    public void append(EmployeeAuditEvent event) {
        EmployeeAuditEventRow row = EmployeeAuditEventRow.fromDomain(event);
        transactions.withHandle(handle -> row.bind(handle.createUpdate(APPEND_EMPLOYEE)).execute());
    }

    @Override
    public List<EmployeeAuditEvent> history(EmployeeId employeeId) {
        return transactions.withHandle(handle -> handle.createQuery(EMPLOYEE_HISTORY)
                .bind("employee_id", employeeId.value())
                .map((rs, ctx) -> EmployeeAuditEventRow.read(rs).toDomain())
                .list());
    }

    @Override
    public List<AuditEvent> history(EmployeeId employeeId, WorkDate date) {
        return transactions.withHandle(handle -> handle.createQuery(HISTORY)
                .bind("employee_id", employeeId.value())
                .bind("work_date", date.value())
                .map((rs, ctx) -> AuditEventRow.toDomain(AuditEventRow.read(rs)))
                .list());
    }
}
