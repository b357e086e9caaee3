package io.attendance.testing;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.ChangeFeed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ChangeFeed} over an {@link InMemoryStore}, whose units of work run one at a time, so the
 * order of appending is the order of commits. The n-th audit event appended (from 1), of either kind,
 * is at position (n, 1); the horizon is (appended + 1, 0), just before the next one.
 */
public final class InMemoryChangeFeed implements ChangeFeed {
    private final InMemoryStore db;

    public InMemoryChangeFeed(InMemoryStore db) {
        this.db = db;
    }

    @Override
    public FeedPosition horizon() {
        return db.inTransaction(() -> new FeedPosition(db.appended.size() + 1L, 0));
    }

    @Override
    public RecordChanges recordChangesAfter(FeedPosition after, int limit) {
        ChangeFeed.requireAtLeastOne(limit);
        return db.inTransaction(() -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int index = firstAfter(after); index < db.appended.size(); index++) {
                Optional<AuditEvent> event = db.appended.get(index).recordEvent();
                if (event.isPresent()) {
                    events.add(event.get());
                    if (events.size() == limit) {
                        return new RecordChanges(events, new FeedPosition(index + 1L, 1), true);
                    }
                }
            }
            return new RecordChanges(events, pastTheEnd(after), false);
        });
    }

    @Override
    public ChangedEmployees employeesChangedAfter(FeedPosition after, int atMost) {
        ChangeFeed.requireAtLeastOne(atMost);
        return db.inTransaction(() -> {
            Set<EmployeeId> changed = new LinkedHashSet<>();
            for (int index = firstAfter(after); index < db.appended.size(); index++) {
                changed.add(db.appended.get(index).employee());
            }
            boolean tooMany = changed.size() > atMost;
            return new ChangedEmployees(tooMany ? Set.of() : changed, tooMany, pastTheEnd(after));
        });
    }

    /** The index of the first event after the position: the n-th event is at (n, 1). */
    private static int firstAfter(FeedPosition after) {
        long first = after.event() >= 1 ? after.transaction() : Math.max(0, after.transaction() - 1);
        return (int) Math.min(Integer.MAX_VALUE, first);
    }

    private FeedPosition pastTheEnd(FeedPosition after) {
        return new FeedPosition(db.appended.size() + 1L, 0).atLeast(after);
    }
}
