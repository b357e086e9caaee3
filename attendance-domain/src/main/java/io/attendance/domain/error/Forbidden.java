package io.attendance.domain.error;

/** The caller is known but may not do this. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
