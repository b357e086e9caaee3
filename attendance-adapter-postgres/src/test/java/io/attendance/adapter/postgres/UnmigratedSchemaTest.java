package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.Username;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A database that was never migrated (or a schema named wrong) is a clear Unavailable from every port, not a JDBI error. */
class UnmigratedSchemaTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private static PostgresDatabase unmigrated;

    @BeforeAll
    static void connectToADatabaseNeverMigrated() {
        unmigrated = TestPostgres.freshDatabase().connect();
    }

    @AfterAll
    static void close() {
        unmigrated.close();
    }

    @TestFactory
    Stream<DynamicTest> everyPortSaysTheSchemaIsNotMigratedAndHowToMigrate() {
        return Stream.of(
                call("employees", database -> database.employees().find(ADA)),
                call("attendance records", database -> database.attendanceRecords().find(ADA, DAY)),
                call("audit trail", database -> database.auditTrail().history(ADA, OptionalLong.empty(), 10)),
                call("a unit of work", database -> database.transactions().inTransaction(
                        () -> database.employees().list(EmployeeQuery.EVERYONE, Optional.empty(), 10))),
                call("day changes", database -> database.dayChanges().apply(new AttendanceKey(DAY, ADA), stored -> Change.NONE)),
                call("a batch of day changes", database -> database.dayChanges().applyAll(
                        List.of(new AttendanceKey(DAY, ADA)), stored -> List.of(Change.NONE))),
                call("change feed", database -> database.changeFeed().recordChangesAfter(FeedPosition.START, 10)),
                call("users", database -> database.users().find(new Username("alice"))),
                call("API keys", database -> database.apiKeys().list()));
    }

    private static DynamicTest call(String port, Consumer<PostgresDatabase> call) {
        return DynamicTest.dynamicTest(port, () -> assertThatThrownBy(() -> call.accept(unmigrated))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("schema is not migrated")
                .hasMessageContaining("attendance.")
                .hasMessageContaining("apply the migrations"));
    }

    @Test
    void theServerItselfIsStillReportedUp() {
        assertThat(unmigrated.healthProbe().isUp()).isTrue();
    }

    @Test
    void aSchemaOtherThanTheOneMigratedIsReportedNotMigratedToo() {
        TestDatabase migrated = TestPostgres.freshMigratedDatabase();
        try (PostgresDatabase elsewhere = PostgresDatabase.connect(migrated.jdbcUrl(), migrated.user(),
                migrated.password(), 2, new SimpleMeterRegistry(), DatabaseTimeouts.DEFAULTS,
                new DatabaseSchema("not_migrated"))) {
            assertThatThrownBy(() -> elsewhere.users().any())
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("not_migrated.users");
        }
    }
}
