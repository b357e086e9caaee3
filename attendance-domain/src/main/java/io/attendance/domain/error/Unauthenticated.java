package io.attendance.domain.error;

/** The caller sent no credentials, or ones that prove nothing (unknown, wrong, expired or revoked). */
public final class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
