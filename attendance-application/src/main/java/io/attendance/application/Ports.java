package io.attendance.application;

import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import java.util.Objects;

/**
 * Every driven port the use cases need, in one record: what the PostgreSQL, Redis and argon2
 * adapters, the in-memory fakes or an embedding service provide.
 */
public record Ports(
        Transactions transactions,
        Employees employees,
        AttendanceRecords records,
        AuditTrail audit,
        DayChanges dayChanges,
        ChangeFeed changeFeed,
        ReadCache cache,
        HealthProbe databaseHealth,
        HealthProbe cacheHealth,
        Users users,
        ApiKeys apiKeys,
        SessionStore sessions,
        LoginAttempts loginAttempts,
        PasswordHashing passwordHashing) {

    public Ports {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(employees, "employees");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(dayChanges, "dayChanges");
        Objects.requireNonNull(changeFeed, "changeFeed");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(databaseHealth, "databaseHealth");
        Objects.requireNonNull(cacheHealth, "cacheHealth");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
    }
}
