package io.attendance.domain.error;

/** A backing service the operation needs (the system of record) cannot be reached. */
public final class Unavailable extends DomainException {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
