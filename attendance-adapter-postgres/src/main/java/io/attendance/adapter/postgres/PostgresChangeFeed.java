package io.attendance.adapter.postgres;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.ChangeFeed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link ChangeFeed} over the audit tables, ordered by (transaction_id, id). A read takes the horizon
 * of its own snapshot, {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction whose id is
 * below it has ended, so the rows below it are final, and it only returns those. A transaction that
 * stays open holds the horizon back, so the feed waits for it rather than skip it. A position's
 * {@code transaction} is a transaction id, its {@code event} the row's id within it.
 */
public final class PostgresChangeFeed implements ChangeFeed {
    private static final String HORIZON = "SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon";
    private static final String AFTER = "(transaction_id, id) > (CAST(CAST(:transaction AS text) AS xid8), :event)"
            + " AND transaction_id < h.horizon";
    private static final String RECORD_CHANGES = """
            SELECT CAST(h.horizon AS text) AS horizon, CAST(e.transaction_id AS text) AS feed_transaction, e.*
              FROM (%s) h
              LEFT JOIN LATERAL (
                SELECT transaction_id, id, %s FROM <audit_events> WHERE %s ORDER BY transaction_id, id LIMIT :limit
              ) e ON true
             ORDER BY e.transaction_id, e.id
            """.formatted(HORIZON, AuditEventRow.SELECTED, AFTER);
    private static final String CHANGED_EMPLOYEES = """
            SELECT CAST(h.horizon AS text) AS horizon, c.employee_id
              FROM (%s) h
              LEFT JOIN LATERAL (
                SELECT DISTINCT employee_id FROM (
                  SELECT employee_id FROM <audit_events> WHERE %s
                  UNION ALL
                  SELECT employee_id FROM <employee_audit_events> WHERE %s
                ) changed
                LIMIT :limit
              ) c ON true
            """.formatted(HORIZON, AFTER, AFTER);

    private final PostgresTransactions transactions;

    PostgresChangeFeed(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public FeedPosition horizon() {
        return transactions.withHandle(handle -> new FeedPosition(
                Long.parseLong(handle.createQuery("SELECT CAST(horizon AS text) FROM (" + HORIZON + ") h")
                        .mapTo(String.class).one()), 0));
    }

    @Override
    public RecordChanges recordChangesAfter(FeedPosition after, int limit) {
        ChangeFeed.requireAtLeastOne(limit);
        return transactions.withHandle(handle -> handle.createQuery(RECORD_CHANGES)
                .bind("transaction", after.transaction())
                .bind("event", after.event())
                .bind("limit", limit)
                .reduceResultSet(new Page(), (page, rs, ctx) -> {
                    page.horizon = Long.parseLong(rs.getString("horizon"));
                    String transaction = rs.getString("feed_transaction");
                    if (transaction != null) {
                        page.events.add(AuditEventRow.toDomain(AuditEventRow.read(rs)));
                        page.last = new FeedPosition(Long.parseLong(transaction), rs.getLong("id"));
                    }
                    return page;
                }))
                .toChanges(after, limit);
    }

    @Override
    public ChangedEmployees employeesChangedAfter(FeedPosition after, int atMost) {
        ChangeFeed.requireAtLeastOne(atMost);
        return transactions.withHandle(handle -> handle.createQuery(CHANGED_EMPLOYEES)
                .bind("transaction", after.transaction())
                .bind("event", after.event())
                .bind("limit", atMost + 1)
                .reduceResultSet(new Changed(), (changed, rs, ctx) -> {
                    changed.horizon = Long.parseLong(rs.getString("horizon"));
                    String employee = rs.getString("employee_id");
                    if (employee != null) {
                        changed.employees.add(new EmployeeId(employee));
                    }
                    return changed;
                }))
                .toChanged(after, atMost);
    }

    /** Past every row final at the horizon: rows of later transactions sort after it. */
    private static FeedPosition pastHorizon(long horizon, FeedPosition after) {
        return new FeedPosition(horizon, 0).atLeast(after);
    }

    private static final class Page {
        final List<AuditEvent> events = new ArrayList<>();
        FeedPosition last;
        long horizon;

        RecordChanges toChanges(FeedPosition after, int limit) {
            boolean full = events.size() == limit;
            return new RecordChanges(events, full ? last : pastHorizon(horizon, after), full);
        }
    }

    private static final class Changed {
        final Set<EmployeeId> employees = new HashSet<>();
        long horizon;

        ChangedEmployees toChanged(FeedPosition after, int atMost) {
            boolean tooMany = employees.size() > atMost;
            return new ChangedEmployees(tooMany ? Set.of() : employees, tooMany, pastHorizon(horizon, after));
        }
    }
}
