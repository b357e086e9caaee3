package io.attendance.adapter.postgres;

import io.attendance.testing.contract.PersistenceContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence ports' contract, held by the adapter on a host's data source, in a schema of the host's choosing. */
class HostDataSourcePersistenceContractTest extends PersistenceContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.onAHostDataSource();

    @Override
    protected Ports emptyStore() {
        return new Ports(DATABASE.employees(), DATABASE.attendanceRecords(), DATABASE.transactions(),
                DATABASE.auditTrail(), DATABASE.database().dayChanges());
    }
}
