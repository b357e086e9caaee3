package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.AuditEvent;
import java.time.Instant;

/** One change to a record: who did what when, and the record before and after (null around a creation or deletion). */
@JsonPropertyOrder({"at", "actor", "action", "before", "after"})
record V2AuditEventView(Instant at, String actor, String action, V2RecordView before, V2RecordView after) {

    static V2AuditEventView of(AuditEvent event) {
        return new V2AuditEventView(
                event.at(),
                event.actor(),
                event.action().name(),
                event.before().map(V2RecordView::of).orElse(null),
                event.after().map(V2RecordView::of).orElse(null));
    }
}
