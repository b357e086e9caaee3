package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.AuditEvent;
import java.time.Instant;

/** One change to a record: who did what when, and the record before and after (null around a creation or deletion). */
@JsonPropertyOrder({"at", "actor", "action", "before", "after"})
record AuditEventView(Instant at, String actor, String action, RecordView before, RecordView after) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(
                event.at(),
                event.actor(),
                event.action().name(),
                event.before().map(RecordView::of).orElse(null),
                event.after().map(RecordView::of).orElse(null));
    }
}
