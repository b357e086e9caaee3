package io.attendance.domain.port;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The changes the system of record has committed, read in an order that no later commit can go
 * behind: a reader that has read up to a position and asks again from there gets every change
 * committed since, however long a transaction took and whatever the clocks said. Changes are read
 * only once they are final, so a change appears after its transaction and every one that started
 * before it have ended. A position is only ever handed back to the feed that returned it.
 */
public interface ChangeFeed {

    /** A position past every change that is final now: a read after it returns only later changes. */
    FeedPosition horizon();

    /**
     * The changes to attendance records after {@code after}, creations, updates and deletions alike,
     * oldest first, at most {@code limit} of them (at least 1).
     */
    RecordChanges recordChangesAfter(FeedPosition after, int limit);

    /**
     * Which employees changed, themselves or any of their records, after {@code after}: at most
     * {@code atMost} of them named, or {@link ChangedEmployees#tooMany()}.
     */
    ChangedEmployees employeesChangedAfter(FeedPosition after, int atMost);

    /**
     * A page of record changes. {@code next} is where the next read starts: the position of the last
     * event when the page is full, else a position past every change final at the time of the read,
     * so a reader that found nothing still moves on.
     */
    record RecordChanges(List<AuditEvent> events, FeedPosition next, boolean full) {
        public RecordChanges {
            events = List.copyOf(events);
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * The employees changed between a read's {@code after} and {@code next}; {@code tooMany} when
     * there were more than the reader asked to be named, so that it treats everyone as changed.
     */
    record ChangedEmployees(Set<EmployeeId> employees, boolean tooMany, FeedPosition next) {
        public ChangedEmployees {
            employees = Set.copyOf(employees);
            Objects.requireNonNull(next, "next");
            if (tooMany && !employees.isEmpty()) {
                throw new IllegalArgumentException("too many changed employees are not named");
            }
        }

        /** Every employee counted as changed, up to {@code next}. */
        public static ChangedEmployees everyoneUpTo(FeedPosition next) {
            return new ChangedEmployees(Set.of(), true, next);
        }
    }

    /** The check of every read's {@code limit} or {@code atMost}. */
    static void requireAtLeastOne(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a feed read asks for at least one change, asked for " + limit);
        }
    }
}
