package io.attendance.adapter.postgres;

import io.attendance.testing.contract.ChangeFeedContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed's contract on a migrated database emptied before each test. */
class PostgresChangeFeedContractTest extends ChangeFeedContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    @Override
    protected Stores emptyStore() {
        PostgresDatabase database = DATABASE.database();
        return new Stores(database.changeFeed(), database.dayChanges(), database.transactions(), database.employees(),
                database.attendanceRecords(), database.auditTrail());
    }
}
