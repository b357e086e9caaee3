package io.attendance.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a sign-in lasts: a session lapses after {@code idle} without a request, and at
 * {@code lifetime} after sign-in however busy.
 */
public record SessionPolicy(Duration idle, Duration lifetime) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofHours(8), Duration.ofHours(24));

    public SessionPolicy {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(lifetime, "lifetime");
        if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
            throw new IllegalArgumentException(
                    "a session needs an idle time above zero and a lifetime no shorter, was " + idle + " and " + lifetime);
        }
    }
}
