package io.attendance.adapter.postgres;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.port.PersistenceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The persistence ports' contract, held by the real adapter on a migrated database emptied before each test. */
class PostgresPersistenceContractTest extends PersistenceContract {
    private static TestDatabase testDatabase;
    private static PostgresDatabase database;

    @BeforeAll
    static void connect() {
        testDatabase = TestPostgres.freshMigratedDatabase();
        database = testDatabase.connect();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Override
    protected Ports emptyStore() {
        TestPostgres.truncateAll(testDatabase);
        return new Ports(database.employees(), database.attendanceRecords(), database.transactions());
    }
}
