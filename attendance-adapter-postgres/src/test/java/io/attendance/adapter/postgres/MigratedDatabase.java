package io.attendance.adapter.postgres;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Users;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own migrated database, with the adapter connected to it for the whole class and
 * every table emptied before each test (before the class's own {@code @BeforeEach} methods). Register
 * it in a static field with {@code @RegisterExtension}.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private TestDatabase testDatabase;
    private PostgresDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        testDatabase = TestPostgres.freshMigratedDatabase();
        database = testDatabase.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestPostgres.truncateAll(testDatabase);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    TestDatabase testDatabase() {
        return testDatabase;
    }

    PostgresDatabase database() {
        return database;
    }

    Employees employees() {
        return database.employees();
    }

    AttendanceRecords attendanceRecords() {
        return database.attendanceRecords();
    }

    AuditTrail auditTrail() {
        return database.auditTrail();
    }

    Users users() {
        return database.users();
    }

    ApiKeys apiKeys() {
        return database.apiKeys();
    }

    PostgresTransactions transactions() {
        return (PostgresTransactions) database.transactions();
    }
}
