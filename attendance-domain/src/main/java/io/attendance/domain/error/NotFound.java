package io.attendance.domain.error;

/** The thing asked for does not exist. */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
