package io.attendance.adapter.postgres;

import io.attendance.domain.fake.TakingTurns;
import io.attendance.domain.port.DayChangesContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day changes' contract, held by group commit on a host's data source, in a schema of the host's
 * choosing, through two instances taking turns (see {@link PostgresDayChangesContractTest}).
 */
class HostDataSourceDayChangesContractTest extends DayChangesContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.onAHostDataSource();
    private static PostgresDatabase otherInstance;

    @BeforeAll
    static void connectAnotherInstance() {
        otherInstance = DATABASE.anotherInstance();
    }

    @AfterAll
    static void closeTheOtherInstance() {
        otherInstance.close();
    }

    @Override
    protected Stores emptyStore() {
        return new Stores(new TakingTurns(List.of(DATABASE.database().dayChanges(), otherInstance.dayChanges())),
                DATABASE.employees(), DATABASE.attendanceRecords(), DATABASE.auditTrail());
    }
}
