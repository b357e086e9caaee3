package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who signs in. A deleted user is kept, disabled, so that the audit trail's names stay
 * meaningful and the name is never handed to someone else. Disabling the user or giving them a new
 * password moves their {@link CredentialsVersion} on, which ends the sessions opened before.
 */
public record User(Username username, PasswordHash passwordHash, Grant grant, Instant createdAt,
        Optional<Instant> disabledAt, CredentialsVersion credentials) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(credentials, "credentials");
    }

    public static User enabled(Username username, PasswordHash passwordHash, Grant grant, Instant createdAt) {
        return new User(username, passwordHash, grant, createdAt, Optional.empty(), CredentialsVersion.FIRST);
    }

    /** This user disabled {@code at}, which ends their sessions. */
    public User disabled(Instant at) {
        return new User(username, passwordHash, grant, createdAt, Optional.of(at), credentials.next(at));
    }

    /** This user with a new password set {@code at}, which ends their sessions. */
    public User withPassword(PasswordHash newHash, Instant at) {
        return new User(username, newHash, grant, createdAt, disabledAt, credentials.next(at));
    }

    /** Whether this user may administer access: the service never runs without one such user enabled. */
    public boolean enabledAdministrator() {
        return enabled() && grant.roles().contains(Role.ADMIN);
    }

    public boolean enabled() {
        return disabledAt.isEmpty();
    }

    /** Who this user acts as once signed in. */
    public Principal principal() {
        return Principal.of(username, grant);
    }
}
