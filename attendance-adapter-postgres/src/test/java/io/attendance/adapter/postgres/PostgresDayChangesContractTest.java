package io.attendance.adapter.postgres;

import io.attendance.testing.contract.DayChangesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day changes' contract, held by group commit on a migrated database emptied before each test,
 * through two instances taking turns (see {@link MigratedDatabase#dayChangesOfTwoInstances()}).
 */
class PostgresDayChangesContractTest extends DayChangesContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    @Override
    protected Stores emptyStore() {
        return new Stores(DATABASE.dayChangesOfTwoInstances(), DATABASE.employees(), DATABASE.attendanceRecords(),
                DATABASE.auditTrail());
    }
}
