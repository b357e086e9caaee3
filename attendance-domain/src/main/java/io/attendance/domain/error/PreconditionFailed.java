package io.attendance.domain.error;

/** A condition the client set (such as the version it last saw) no longer holds. */
public final class PreconditionFailed extends DomainException {
    public PreconditionFailed(String message) {
        super(message);
    }
}
