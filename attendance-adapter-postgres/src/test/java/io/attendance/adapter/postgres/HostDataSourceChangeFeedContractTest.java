package io.attendance.adapter.postgres;

import io.attendance.testing.contract.ChangeFeedContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed's contract, held by the adapter on a host's data source, in a schema of the host's choosing. */
class HostDataSourceChangeFeedContractTest extends ChangeFeedContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.onAHostDataSource();

    @Override
    protected Stores emptyStore() {
        PostgresDatabase database = DATABASE.database();
        return new Stores(database.changeFeed(), database.dayChanges(), database.transactions(), database.employees(),
                database.attendanceRecords(), database.auditTrail());
    }
}
