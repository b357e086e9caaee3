package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session, as the session store keeps it under its token's digest: who, with
 * which rights (as they were at sign-in), and the absolute end no activity extends.
 */
public record Session(Username username, Grant grant, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
    }

    public Principal principal() {
        return Principal.of(username, grant);
    }
}
