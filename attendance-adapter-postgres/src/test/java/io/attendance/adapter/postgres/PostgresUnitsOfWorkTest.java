package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract cannot see: how units of work map to PostgreSQL transactions. */
class PostgresUnitsOfWorkTest {
    private static final Employee ADA = new Employee(new EmployeeId("E-1"), "Ada Lovelace");
    private static final Employee BOB = new Employee(new EmployeeId("B-2"), "Bob");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private static TestDatabase testDatabase;
    private static PostgresDatabase database;
    private static PostgresTransactions transactions;

    @BeforeAll
    static void connect() {
        testDatabase = TestPostgres.freshMigratedDatabase();
        database = testDatabase.connect();
        transactions = (PostgresTransactions) database.transactions();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @BeforeEach
    void empty() {
        TestPostgres.truncateAll(testDatabase);
    }

    @Test
    void everyCallOfAUnitOfWorkRunsInOneTransactionAndOutsideEachCallHasItsOwn() {
        long[] inside = transactions.inTransaction(() -> new long[] {currentTransaction(), currentTransaction()});
        long firstOutside = currentTransaction();
        long secondOutside = currentTransaction();

        assertThat(inside[0]).isEqualTo(inside[1]);
        assertThat(firstOutside).isNotEqualTo(secondOutside).isNotEqualTo(inside[0]);
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            transactions.runInTransaction(() -> database.employees().save(ADA));
            assertThat(database.employees().find(ADA.id())).contains(ADA);
            throw new PreconditionFailed("the outer work fails after the nested one returned");
        })).isInstanceOf(PreconditionFailed.class);

        assertThat(database.employees().find(ADA.id())).isEmpty();
    }

    @Test
    void aConflictCaughtInsideAUnitOfWorkLeavesTheRestOfItUsable() {
        database.employees().save(ADA);
        database.attendanceRecords().add(recordOf(ADA, AttendanceStatus.PRESENT));

        transactions.runInTransaction(() -> {
            assertThatThrownBy(() -> database.attendanceRecords().add(recordOf(ADA, AttendanceStatus.ABSENT)))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("E-1").hasMessageContaining("2026-11-27");
            database.employees().save(BOB);
        });

        assertThat(database.employees().find(BOB.id())).contains(BOB);
        assertThat(database.attendanceRecords().find(ADA.id(), DAY)).map(AttendanceRecord::status)
                .contains(AttendanceStatus.PRESENT);
    }

    @Test
    void aRecordOfAnUnknownEmployeeIsRefusedLikeTheFakeDoes() {
        assertThatThrownBy(() -> database.attendanceRecords().add(recordOf(ADA, AttendanceStatus.PRESENT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no employee E-1");
    }

    @Test
    void savingTheSameNameAgainLeavesTheEmployeeUntouched() {
        database.employees().save(ADA);
        String before = updatedAt();

        database.employees().save(ADA);

        assertThat(updatedAt()).isEqualTo(before);
    }

    private static AttendanceRecord recordOf(Employee employee, AttendanceStatus status) {
        return AttendanceRecord.first(employee.id(), DAY, status, Instant.parse("2026-11-27T08:00:00Z"));
    }

    private static long currentTransaction() {
        return transactions.withHandle(handle -> handle.createQuery("SELECT txid_current()").mapTo(Long.class).one());
    }

    private static String updatedAt() {
        return transactions.withHandle(handle -> handle.createQuery("SELECT updated_at::text FROM employees")
                .mapTo(String.class).one());
    }
}
