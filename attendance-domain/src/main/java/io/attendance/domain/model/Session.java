package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session, as the session store keeps it under its token's digest: who, with
 * which rights (as they were at sign-in), the absolute end no activity extends, and the number of the
 * user's {@link CredentialsVersion} it was opened under: the session ends when that moves on.
 */
public record Session(Username username, Grant grant, Instant createdAt, Instant expiresAt, long credentialsVersion) {
    public Session {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must end after it starts");
        }
        if (credentialsVersion < 0) {
            throw new IllegalArgumentException("a credentials version is not negative, was " + credentialsVersion);
        }
    }

    public Principal principal() {
        return Principal.of(username, grant);
    }
}
