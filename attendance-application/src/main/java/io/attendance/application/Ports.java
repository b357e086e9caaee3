package io.attendance.application;

import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.port.Persistence;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import java.util.Objects;

/**
 * Every driven port the HTTP service's use cases need, in one record: the system of record (the
 * PostgreSQL adapter or the in-memory store), the read cache, sessions and sign-in counts (Redis)
 * and password hashing (argon2).
 */
public record Ports(
        Persistence store,
        ReadCache cache,
        HealthProbe cacheHealth,
        SessionStore sessions,
        LoginAttempts loginAttempts,
        PasswordHashing passwordHashing) {

    public Ports {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(cacheHealth, "cacheHealth");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
    }
}
