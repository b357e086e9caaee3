package io.attendance.application.access;

import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import java.util.Objects;

/**
 * How signing in works: a session lapses after {@code idle} without a request and at
 * {@code lifetime} after sign-in however busy; a session whose user was deleted or given a new
 * password is refused on every instance at most {@code revocationLag} after that change committed;
 * and failed password checks are limited by {@code attempts}.
 */
public record SignInPolicy(Duration idle, Duration lifetime, Duration revocationLag, LoginAttempts.Limits attempts) {
    public static final SignInPolicy DEFAULT = new SignInPolicy(Duration.ofHours(8), Duration.ofHours(24),
            Duration.ofSeconds(1), LoginAttempts.Limits.DEFAULT);

    public SignInPolicy {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(revocationLag, "revocationLag");
        Objects.requireNonNull(attempts, "attempts");
        if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
            throw new IllegalArgumentException(
                    "a session needs an idle time above zero and a lifetime no shorter, was " + idle + " and " + lifetime);
        }
        if (revocationLag.isNegative()) {
            throw new IllegalArgumentException("the revocation lag must not be negative, was " + revocationLag);
        }
    }

    public SignInPolicy withIdle(Duration sessionIdle) {
        return new SignInPolicy(sessionIdle, lifetime, revocationLag, attempts);
    }

    public SignInPolicy withRevocationLag(Duration lag) {
        return new SignInPolicy(idle, lifetime, lag, attempts);
    }

    public SignInPolicy withAttempts(LoginAttempts.Limits limits) {
        return new SignInPolicy(idle, lifetime, revocationLag, limits);
    }
}
