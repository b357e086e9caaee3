package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.application.sync.SyncAttendance;
import io.attendance.domain.model.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * One page of the record change feed: {@code {"items":[...],"next":"...","hasMore":false}}. Unlike a
 * listing's {@code nextCursor}, {@code next} is never null: the consumer stores it and polls with it.
 */
@JsonPropertyOrder({"items", "next", "hasMore"})
record V2RecordChangesView(List<Change> items, String next, boolean hasMore) {

    static V2RecordChangesView of(SyncAttendance.Changes changes) {
        return new V2RecordChangesView(changes.items().stream().map(Change::of).toList(), changes.next(),
                changes.hasMore());
    }

    /** One change: which record, what happened to it, who did it when, and the record before and after. */
    @JsonPropertyOrder({"employeeId", "date", "action", "at", "actor", "before", "after"})
    record Change(String employeeId, String date, String action, Instant at, String actor, V2RecordView before,
            V2RecordView after) {

        static Change of(AuditEvent event) {
            return new Change(
                    event.employeeId().value(),
                    event.date().toString(),
                    event.action().name(),
                    event.at(),
                    event.actor(),
                    event.before().map(V2RecordView::of).orElse(null),
                    event.after().map(V2RecordView::of).orElse(null));
        }
    }
}
