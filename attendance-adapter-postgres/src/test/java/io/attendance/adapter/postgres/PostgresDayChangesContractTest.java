package io.attendance.adapter.postgres;

import io.attendance.domain.fake.TakingTurns;
import io.attendance.domain.port.DayChangesContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day changes' contract, held by group commit on a migrated database emptied before each test,
 * through two instances taking turns: one instance never lets its own calls race, so the races the
 * contract describes happen between instances.
 */
class PostgresDayChangesContractTest extends DayChangesContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();
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
