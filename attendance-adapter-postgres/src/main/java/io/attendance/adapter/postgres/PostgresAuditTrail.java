package io.attendance.adapter.postgres;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link AuditTrail} in {@code audit_events} (records) and {@code employee_audit_events}
 * (employees), one row per event. An append joins the caller's unit of work, so the event commits
 * or rolls back with the change it describes.
 */
public final class PostgresAuditTrail implements AuditTrail {
    private static final String APPEND = "INSERT INTO <audit_events> (" + AuditEventRow.COLUMNS + ") VALUES ("
            + AuditEventRow.values(":") + ")";
    /**
     * The identity id is the order of appending, and the event's sequence number: a page starts after
     * the last one's, and audit_events_history_idx serves it in that order.
     */
    static final String HISTORY = """
            SELECT id, %s
              FROM <audit_events>
             WHERE employee_id = :employee_id AND work_date = :work_date AND id > :after
             ORDER BY id
             LIMIT :limit
            """.formatted(AuditEventRow.SELECTED);

    private static final String APPEND_EMPLOYEE = "INSERT INTO <employee_audit_events> ("
            + EmployeeAuditEventRow.COLUMNS + ") VALUES (" + EmployeeAuditEventRow.values(":") + ")";
    /** As {@link #HISTORY}, served by employee_audit_events_history_idx. */
    static final String EMPLOYEE_HISTORY = """
            SELECT id, %s
              FROM <employee_audit_events>
             WHERE employee_id = :employee_id AND id > :after
             ORDER BY id
             LIMIT :limit
            """.formatted(EmployeeAuditEventRow.SELECTED);

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
    public List<Sequenced<EmployeeAuditEvent>> history(EmployeeId employeeId, OptionalLong after, int limit) {
        return transactions.withHandle(handle -> handle.createQuery(EMPLOYEE_HISTORY)
                .bind("employee_id", employeeId.value())
                .bind("after", after.orElse(0))
                .bind("limit", limit)
                .map((rs, ctx) -> new Sequenced<>(rs.getLong("id"), EmployeeAuditEventRow.read(rs).toDomain()))
                .list());
    }

    @Override
    public List<Sequenced<AuditEvent>> history(EmployeeId employeeId, WorkDate date, OptionalLong after, int limit) {
        return transactions.withHandle(handle -> handle.createQuery(HISTORY)
                .bind("employee_id", employeeId.value())
                .bind("work_date", date.value())
                .bind("after", after.orElse(0))
                .bind("limit", limit)
                .map((rs, ctx) -> new Sequenced<>(rs.getLong("id"), AuditEventRow.toDomain(AuditEventRow.read(rs))))
                .list());
    }
}
