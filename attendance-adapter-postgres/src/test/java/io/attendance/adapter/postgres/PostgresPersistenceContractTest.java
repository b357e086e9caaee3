package io.attendance.adapter.postgres;

import io.attendance.testing.contract.PersistenceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence ports' contract, held by the real adapter on a migrated database emptied before each test. */
class PostgresPersistenceContractTest extends PersistenceContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    @Override
    protected Ports emptyStore() {
        return new Ports(DATABASE.employees(), DATABASE.attendanceRecords(), DATABASE.transactions(),
                DATABASE.auditTrail(), DATABASE.database().dayChanges());
    }
}
