package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.application.AttendanceService.BatchOutcome;

/** What a batch did: how many records it created, changed, and found already saying the same. */
@JsonPropertyOrder({"created", "updated", "unchanged"})
record BatchOutcomeView(int created, int updated, int unchanged) {

    static BatchOutcomeView of(BatchOutcome outcome) {
        return new BatchOutcomeView(outcome.created(), outcome.updated(), outcome.unchanged());
    }
}
