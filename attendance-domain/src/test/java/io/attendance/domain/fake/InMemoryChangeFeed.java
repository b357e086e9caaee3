package io.attendance.domain.fake;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.ChangeFeed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link ChangeFeed} over an {@link InMemoryDatabase}, whose units of work run one at a time, so the
 * order of appending is the order of commits. The n-th event (from 1) of a list is at position
 * (n, 1), and a read that reaches the end moves on to (size + 1, 0): just before the next one.
 * Record changes count the record events, changed employees every event.
 */
public final class InMemoryChangeFeed implements ChangeFeed {
    private final InMemoryDatabase db;

    public InMemoryChangeFeed(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public RecordChanges recordChangesAfter(FeedPosition after, int limit) {
        requirePositive(limit);
        return db.inTransaction(() -> {
            int from = Math.min(firstAfter(after), db.auditEvents.size());
            int to = Math.min(db.auditEvents.size(), from + limit);
            boolean full = to - from == limit;
            return new RecordChanges(List.copyOf(db.auditEvents.subList(from, to)),
                    full ? new FeedPosition(to, 1) : pastTheEnd(db.auditEvents.size(), after), full);
        });
    }

    @Override
    public ChangedEmployees employeesChangedAfter(FeedPosition after, int atMost) {
        requirePositive(atMost);
        return db.inTransaction(() -> {
            List<EmployeeId> changes = db.changedEmployees;
            Set<EmployeeId> changed = new LinkedHashSet<>(changes.subList(Math.min(firstAfter(after), changes.size()),
                    changes.size()));
            boolean tooMany = changed.size() > atMost;
            return new ChangedEmployees(tooMany ? Set.of() : changed, tooMany, pastTheEnd(changes.size(), after));
        });
    }

    /** The index of the first event after the position: the n-th event is at (n, 1). */
    private static int firstAfter(FeedPosition after) {
        return (int) Math.min(Integer.MAX_VALUE, after.event() >= 1 ? after.transaction() : Math.max(0, after.transaction() - 1));
    }

    private static FeedPosition pastTheEnd(int size, FeedPosition after) {
        return new FeedPosition(size + 1L, 0).atLeast(after);
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a feed read asks for at least one change, asked for " + limit);
        }
    }
}
