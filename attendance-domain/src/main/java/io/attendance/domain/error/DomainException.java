package io.attendance.domain.error;

/**
 * Root of the domain's error hierarchy. Exactly one place, the HTTP adapter's error mapper, turns
 * these into status codes and bodies; nothing else catches them to build a response.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationFailed, NotFound, Conflict, PreconditionFailed, Unauthenticated, Forbidden,
        TooManyAttempts, Unavailable {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
