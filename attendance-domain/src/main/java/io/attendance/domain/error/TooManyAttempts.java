package io.attendance.domain.error;

import java.time.Duration;
import java.util.Objects;

/** The caller tried too often (failed sign-ins) and must wait {@link #retryAfter()} before the next try. */
public final class TooManyAttempts extends DomainException {
    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
