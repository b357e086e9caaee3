package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.application.records.ImportBatch;

/** What a batch did: how many records it created, changed, and found already saying the same. */
@JsonPropertyOrder({"created", "updated", "unchanged"})
record V2BatchOutcomeView(int created, int updated, int unchanged) {

    static V2BatchOutcomeView of(ImportBatch.Outcome outcome) {
        return new V2BatchOutcomeView(outcome.created(), outcome.updated(), outcome.unchanged());
    }
}
