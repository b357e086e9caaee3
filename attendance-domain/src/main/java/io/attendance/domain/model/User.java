package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in. A deleted user is kept, disabled, so that the audit trail's names stay
 * meaningful and the name is never handed to someone else.
 */
public record User(Username username, PasswordHash passwordHash, Grant grant, Instant createdAt,
        Optional<Instant> disabledAt) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }

    public static User enabled(Username username, PasswordHash passwordHash, Grant grant, Instant createdAt) {
        return new User(username, passwordHash, grant, createdAt, Optional.empty());
    }

    public boolean enabled() {
        return disabledAt.isEmpty();
    }

    /** Who this user acts as once signed in. */
    public Principal principal() {
        return Principal.of(username, grant);
    }
}
