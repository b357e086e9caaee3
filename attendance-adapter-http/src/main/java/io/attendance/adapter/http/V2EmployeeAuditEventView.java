package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.EmployeeAuditEvent;
import java.time.Instant;

/** One change to an employee as v2 shows it; {@code before} is null for the creation. */
@JsonPropertyOrder({"at", "actor", "action", "before", "after"})
record V2EmployeeAuditEventView(Instant at, String actor, String action, V2EmployeeView before, V2EmployeeView after) {

    static V2EmployeeAuditEventView of(EmployeeAuditEvent event) {
        return new V2EmployeeAuditEventView(event.at(), event.actor(), event.action().name(),
                event.before().map(V2EmployeeView::of).orElse(null), V2EmployeeView.of(event.after()));
    }
}
