package io.attendance.adapter.postgres;

import io.attendance.testing.contract.DayChangesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day changes' contract, held by group commit on a host's data source, in a schema of the host's
 * choosing, through two instances taking turns (see {@link MigratedDatabase#dayChangesOfTwoInstances()}).
 */
class HostDataSourceDayChangesContractTest extends DayChangesContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.onAHostDataSource();

    @Override
    protected Stores emptyStore() {
        return new Stores(DATABASE.dayChangesOfTwoInstances(), DATABASE.employees(), DATABASE.attendanceRecords(),
                DATABASE.auditTrail());
    }
}
