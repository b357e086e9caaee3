package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges.Stored;
import io.attendance.testing.AuditHistories;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transactions PostgreSQL aborts for losing to concurrent ones run again whole, a bounded number of
 * times, then end as a {@link Conflict}: a real deadlock, and a test-only trigger that fails the
 * first writes to a table with the SQLSTATE of a deadlock, a serialization failure or a lock timeout.
 */
class LostTransactionsTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final Employee BOB = TestData.employee("E-2", "Bob");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final String DEADLOCK = "40P01";
    private static final int ALWAYS = 1_000;

    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void removeTheInjectedFailures() throws SQLException {
        sql("DROP TRIGGER IF EXISTS lost_first_writes ON employees",
                "DROP TRIGGER IF EXISTS lost_first_writes ON attendance_records",
                "DROP TRIGGER IF EXISTS lost_first_writes ON employee_audit_events",
                "DROP FUNCTION IF EXISTS lost_first_writes()",
                "DROP SEQUENCE IF EXISTS lost_writes");
    }

    /**
     * The next {@code times} statements that write to {@code table} fail with {@code sqlState},
     * whatever transaction they run in: a sequence counts them, and a rollback does not undo it.
     */
    private static void loseNextWrites(String table, int times, String sqlState) throws SQLException {
        sql("CREATE SEQUENCE lost_writes",
                """
                CREATE FUNCTION lost_first_writes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('attendance.lost_writes') <= %d THEN
                    RAISE EXCEPTION 'injected by the test' USING ERRCODE = '%s';
                  END IF;
                  RETURN NULL;
                END $$""".formatted(times, sqlState),
                "CREATE TRIGGER lost_first_writes BEFORE INSERT OR UPDATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION lost_first_writes()");
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = DATABASE.testDatabase().openConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long deadlocksDetected() throws SQLException {
        try (Connection connection = DATABASE.testDatabase().openConnection();
                Statement statement = connection.createStatement()) {
            // the statistics a backend reports are read as of its transaction's start: none here
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits for the server's count, which each backend reports when it goes idle, at most every second. */
    private static void awaitDeadlocksDetected(long expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deadlocksDetected() < expected) {
            assertThat(System.nanoTime()).as("%d deadlocks reported in time", expected).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(deadlocksDetected()).isEqualTo(expected);
    }

    /** Adds Ada, then her audit event: the second statement is the one that loses. */
    private void addAdaAndHerEvent() {
        runs.incrementAndGet();
        DATABASE.employees().add(ADA);
        DATABASE.auditTrail().append(EmployeeAuditEvent.created(ADA, "test"));
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {DEADLOCK, "40001", "55P03"})
    void aUnitOfWorkThatLosesRunsAgainWholeFromItsStart(String sqlState) throws SQLException {
        loseNextWrites("employee_audit_events", 2, sqlState);

        DATABASE.transactions().runInTransaction(this::addAdaAndHerEvent);

        // had the first run's employee stayed, the third run's insert of it would have been a Conflict
        assertThat(runs).hasValue(3);
        assertThat(DATABASE.employees().find(ADA.id())).contains(ADA);
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id())).hasSize(1);
    }

    @Test
    void aUnitOfWorkLostEveryTimeEndsAsAConflictAndWritesNothing() throws SQLException {
        loseNextWrites("employee_audit_events", ALWAYS, DEADLOCK);

        assertThatThrownBy(() -> DATABASE.transactions().runInTransaction(this::addAdaAndHerEvent))
                .isInstanceOf(Conflict.class).hasMessage("too many concurrent changes to the same data; try again");

        assertThat(runs).hasValue(LostTransactions.ATTEMPTS);
        assertThat(DATABASE.employees().find(ADA.id())).isEmpty();
    }

    @Test
    void aStatementOutsideAUnitOfWorkRunsAgainWhenItLosesAndEndsAsAConflictWhenItAlwaysDoes() throws SQLException {
        loseNextWrites("employees", 2, DEADLOCK);
        DATABASE.employees().add(ADA);
        assertThat(DATABASE.employees().find(ADA.id())).contains(ADA);

        removeTheInjectedFailures();
        loseNextWrites("employees", ALWAYS, DEADLOCK);
        assertThatThrownBy(() -> DATABASE.employees().add(BOB)).isInstanceOf(Conflict.class);
        assertThat(DATABASE.employees().find(BOB.id())).isEmpty();
    }

    private static AttendanceKey dayOf(Employee employee) {
        return new AttendanceKey(DAY, employee.id());
    }

    /** A first record of the day, counting the plan's runs. */
    private Change firstRecord(AttendanceKey day, Stored stored) {
        runs.incrementAndGet();
        assertThat(stored.record()).isEmpty();
        AttendanceRecord record = AttendanceRecord.first(day.employeeId(), day.date(), AttendanceStatus.PRESENT,
                TestData.NOW);
        return Change.ofRecord(record, AuditEvent.created(record, "test"));
    }

    private Function<List<Stored>, List<Change>> firstRecords(List<AttendanceKey> days) {
        return stored -> List.of(firstRecord(days.get(0), stored.get(0)), firstRecord(days.get(1), stored.get(1)));
    }

    @Test
    void aBatchThatLosesRunsAgainWholeAndOneLostEveryTimeEndsAsAConflict() throws SQLException {
        DATABASE.employees().add(ADA);
        DATABASE.employees().add(BOB);
        List<AttendanceKey> days = List.of(dayOf(BOB), dayOf(ADA));
        loseNextWrites("attendance_records", 2, DEADLOCK);

        DATABASE.database().dayChanges().applyAll(days, firstRecords(days));

        assertThat(runs).as("plans of two days in three runs").hasValue(6);
        assertThat(DATABASE.attendanceRecords().find(ADA.id(), DAY)).isPresent();
        assertThat(DATABASE.attendanceRecords().find(BOB.id(), DAY)).isPresent();
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).hasSize(1);

        TestPostgres.truncateAll(DATABASE.testDatabase());
        DATABASE.employees().add(ADA);
        DATABASE.employees().add(BOB);
        removeTheInjectedFailures();
        loseNextWrites("attendance_records", ALWAYS, "40001");
        runs.set(0);

        assertThatThrownBy(() -> DATABASE.database().dayChanges().applyAll(days, firstRecords(days)))
                .isInstanceOf(Conflict.class).hasMessageContaining("too many concurrent changes");
        assertThat(runs).hasValue(2 * LostTransactions.ATTEMPTS);
        assertThat(DATABASE.attendanceRecords().find(ADA.id(), DAY)).isEmpty();
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).isEmpty();
    }

    @Test
    void aGroupThatLosesRunsAgainAndOneLostEveryTimeEndsAsAConflict() throws SQLException {
        DATABASE.employees().add(ADA);
        DATABASE.employees().add(BOB);
        loseNextWrites("attendance_records", 2, DEADLOCK);

        DATABASE.database().dayChanges().apply(dayOf(ADA), stored -> firstRecord(dayOf(ADA), stored));

        assertThat(runs).hasValue(3);
        assertThat(DATABASE.attendanceRecords().find(ADA.id(), DAY)).isPresent();

        removeTheInjectedFailures();
        loseNextWrites("attendance_records", ALWAYS, "55P03");
        runs.set(0);
        assertThatThrownBy(() -> DATABASE.database().dayChanges().apply(dayOf(BOB), stored -> firstRecord(dayOf(BOB), stored)))
                .isInstanceOf(Conflict.class).hasMessageContaining("too many concurrent changes");
        assertThat(runs).hasValue(LostTransactions.ATTEMPTS);
        assertThat(DATABASE.attendanceRecords().find(BOB.id(), DAY)).isEmpty();
    }

    /**
     * A real deadlock: another connection holds Bob's row and then asks for Ada's, while a unit of
     * work holds Ada's and waits for Bob's. The unit of work waits first, so its deadlock check runs
     * first and PostgreSQL aborts it; it runs again once the other connection is done, and succeeds.
     * Its statement timeout is longer than PostgreSQL's deadlock_timeout (1 s by default): with the
     * service's default of 1 s the two race, and a cancelled statement is a 503, not a rerun.
     */
    @Test
    void aUnitOfWorkChosenAsADeadlockVictimRunsAgainAndSucceeds() throws Exception {
        DATABASE.employees().add(ADA);
        DATABASE.employees().add(BOB);
        long deadlocksBefore = deadlocksDetected();
        TestPostgres.TestDatabase test = DATABASE.testDatabase();
        try (PostgresDatabase patient = PostgresDatabase.connect(test.jdbcUrl(), test.user(), test.password(), 2,
                new SimpleMeterRegistry(), new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
             Connection other = test.openConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE employees SET name = name WHERE employee_id = 'E-2'");
            }

            CompletableFuture<Void> unitOfWork = CompletableFuture.runAsync(() ->
                    patient.transactions().runInTransaction(() -> {
                        runs.incrementAndGet();
                        assertThat(patient.employees().replace(renamed(ADA), 1)).isTrue();
                        assertThat(patient.employees().replace(renamed(BOB), 1)).isTrue();
                    }));
            awaitAWaitingUnitOfWork();
            try (Statement statement = other.createStatement()) {
                // waits for Ada's row until the unit of work is aborted
                statement.executeUpdate("UPDATE employees SET name = name WHERE employee_id = 'E-1'");
            }
            other.commit();

            unitOfWork.get(30, TimeUnit.SECONDS);
        }

        assertThat(runs).hasValue(2);
        awaitDeadlocksDetected(deadlocksBefore + 1);
        assertThat(DATABASE.employees().find(ADA.id())).map(Employee::name).contains("Ada Lovelace, renamed");
        assertThat(DATABASE.employees().find(BOB.id())).map(Employee::version).contains(2L);
    }

    private static Employee renamed(Employee employee) {
        return employee.revised(employee.details().renamed(employee.name() + ", renamed"), TestData.NOW.plusSeconds(1))
                .orElseThrow();
    }

    private static void awaitAWaitingUnitOfWork() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection connection = DATABASE.testDatabase().openConnection();
                Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """)) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the unit of work waits for Bob's row in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
