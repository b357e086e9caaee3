package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a user's credentials are current. The number moves on with every change that must end
 * the user's sessions (a new password, the user's deletion), and a session keeps the number it was
 * opened under: once the number has moved on, the session has outlived the credentials it proved.
 *
 * @param number    0 until the first change, then one more with each
 * @param changedAt when the number last moved on; empty while it is 0
 */
public record CredentialsVersion(long number, Optional<Instant> changedAt) {
    public static final CredentialsVersion FIRST = new CredentialsVersion(0, Optional.empty());

    public CredentialsVersion {
        Objects.requireNonNull(changedAt, "changedAt");
        if (number < 0) {
            throw new IllegalArgumentException("a credentials version is not negative, was " + number);
        }
        if ((number == 0) != changedAt.isEmpty()) {
            throw new IllegalArgumentException("a credentials version has changed exactly when it is above 0");
        }
    }

    /** The version after a change made {@code at}. */
    public CredentialsVersion next(Instant at) {
        return new CredentialsVersion(number + 1, Optional.of(at));
    }
}
