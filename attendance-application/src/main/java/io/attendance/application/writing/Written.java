package io.attendance.application.writing;

import java.util.Objects;

/** The result of a write: what is stored now, and what the write did to it. */
public record Written<T>(T value, Outcome outcome) {

    public enum Outcome {
        CREATED,
        UPDATED,
        /** The write said what was stored already: no new version, no audit event. */
        UNCHANGED
    }

    public Written {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
