package io.attendance.domain.error;

/** The change collides with existing state (a duplicate, a concurrent edit). */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
