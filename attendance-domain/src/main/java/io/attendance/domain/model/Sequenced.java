package io.attendance.domain.model;

import java.util.Objects;

/**
 * An audit event with its sequence number in the trail: a positive number, increasing in the order
 * the events were appended (so an event's number is above those of the events before it), which a
 * page of history gives for the next page to start after.
 */
public record Sequenced<E>(long sequence, E event) {
    public Sequenced {
        if (sequence < 1) {
            throw new IllegalArgumentException("a sequence number is positive, was " + sequence);
        }
        Objects.requireNonNull(event, "event");
    }
}
