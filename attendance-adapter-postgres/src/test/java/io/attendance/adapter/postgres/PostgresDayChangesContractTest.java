package io.attendance.adapter.postgres;

import io.attendance.domain.port.DayChangesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The day changes' contract, held by group commit on a migrated database emptied before each test. */
class PostgresDayChangesContractTest extends DayChangesContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = new MigratedDatabase();

    @Override
    protected Stores emptyStore() {
        return new Stores(DATABASE.database().dayChanges(), DATABASE.employees(), DATABASE.attendanceRecords(),
                DATABASE.auditTrail());
    }
}
