package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter on a host's data source that hands out the connection of the transaction the host has
 * open on the thread, as Spring's {@code TransactionAwareDataSourceProxy} does: the adapter's writes
 * join the host's transaction, commit or roll back with it, and a failure of the adapter's rolls back
 * only its own writes.
 */
class HostTransactionTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private static TestDatabase testDatabase;
    private static HikariDataSource pool;
    private static HostTransactions host;
    private static PostgresDatabase database;

    @BeforeAll
    static void connect() throws SQLException {
        testDatabase = TestPostgres.freshMigratedDatabase();
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.host_notes (note text PRIMARY KEY)");
        }
        pool = MigratedDatabase.hostPool(testDatabase, 4);
        host = new HostTransactions(pool);
        database = PostgresDatabase.using(host.source(), DatabaseSchema.DEFAULT, new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        database.close();
        pool.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        TestPostgres.truncateAll(testDatabase);
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE public.host_notes");
        }
    }

    @Test
    void theAdaptersWritesCommitWithTheHostsTransaction() throws SQLException {
        host.inTransaction(connection -> {
            hostWrites(connection, "before");
            addAda();
            recordTheDay();
            hostWrites(connection, "after");
            assertThat(countFromAnotherSession("attendance.attendance_records"))
                    .as("nothing is committed before the host commits").isZero();
            return true;
        });

        assertThat(countFromAnotherSession("public.host_notes")).isEqualTo(2);
        assertThat(countFromAnotherSession("attendance.employees")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.employee_audit_events")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.attendance_records")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.audit_events")).isEqualTo(1);
    }

    @Test
    void aHostRollbackLeavesNothingOfTheAdapters() throws SQLException {
        host.inTransaction(connection -> {
            hostWrites(connection, "before");
            addAda();
            recordTheDay();
            return false;
        });

        for (String table : List.of("public.host_notes", "attendance.employees", "attendance.employee_audit_events",
                "attendance.attendance_records", "attendance.audit_events")) {
            assertThat(countFromAnotherSession(table)).as(table).isZero();
        }
    }

    @Test
    void aFailedUnitOfWorkUndoesOnlyItsOwnWritesAndLeavesTheHostsTransactionUsable() throws SQLException {
        host.inTransaction(connection -> {
            hostWrites(connection, "before");
            assertThatThrownBy(() -> database.transactions().runInTransaction(() -> {
                addAdaAlone();
                throw new PreconditionFailed("the employee changed since it was read");
            })).isExactlyInstanceOf(PreconditionFailed.class);
            addAda();
            assertThatThrownBy(this::addAda).as("a write the database refuses").isInstanceOf(Conflict.class);
            hostWrites(connection, "after");
            return true;
        });

        assertThat(countFromAnotherSession("public.host_notes")).isEqualTo(2);
        assertThat(countFromAnotherSession("attendance.employees")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.employee_audit_events")).isEqualTo(1);
    }

    @Test
    void aRefusedDayChangeLeavesTheHostsTransactionUsable() throws SQLException {
        host.inTransaction(connection -> {
            hostWrites(connection, "before");
            addAda();
            assertThatThrownBy(() -> database.dayChanges().apply(new AttendanceKey(DAY, ADA.id()), stored -> {
                throw new PreconditionFailed("the day changed since it was read");
            })).isExactlyInstanceOf(PreconditionFailed.class);
            recordTheDay();
            assertThatThrownBy(this::recordTheDay).as("a second first record of the day")
                    .isInstanceOf(IllegalArgumentException.class);
            hostWrites(connection, "after");
            return true;
        });

        assertThat(countFromAnotherSession("public.host_notes")).isEqualTo(2);
        assertThat(countFromAnotherSession("attendance.attendance_records")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.audit_events")).isEqualTo(1);
    }

    /**
     * A lock not got in time is a lost transaction; in the host's it is not run again (the host's
     * transaction is what lost) but a conflict at once, and the host's transaction goes on.
     */
    @Test
    void aLostUnitOfWorkIsAConflictAtOnceAndLeavesTheHostsTransactionUsable() throws SQLException {
        addAda();
        AtomicInteger runs = new AtomicInteger();
        try (Connection other = testDatabase.openConnection(); Statement locking = other.createStatement()) {
            other.setAutoCommit(false);
            locking.executeQuery("SELECT 1 FROM attendance.employees WHERE employee_id = 'E-1' FOR UPDATE").close();
            host.inTransaction(connection -> {
                hostWrites(connection, "before");
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL lock_timeout = '100ms'");
                }
                Employee stored = database.employees().find(ADA.id()).orElseThrow();
                Employee renamed = new Employee(stored.id(), stored.details(), stored.version() + 1,
                        stored.createdAt(), TestData.NOW);
                assertThatThrownBy(() -> database.transactions().runInTransaction(() -> {
                    runs.incrementAndGet();
                    database.employees().replace(renamed, stored.version());
                })).isExactlyInstanceOf(Conflict.class);
                assertThatThrownBy(() -> database.employees().replace(renamed, stored.version()))
                        .as("a statement outside a unit of work").isExactlyInstanceOf(Conflict.class);
                AttendanceRecord record = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, TestData.NOW);
                assertThatThrownBy(() -> database.dayChanges().apply(record.key(), day -> {
                    runs.incrementAndGet();
                    return Change.ofRecord(record, AuditEvent.created(record, "user:alice"));
                })).as("a day change waiting for the same lock").isExactlyInstanceOf(Conflict.class);
                hostWrites(connection, "after");
                return true;
            });
            other.rollback();
        }

        assertThat(runs).as("the unit of work and the day change ran once each").hasValue(2);
        assertThat(countFromAnotherSession("public.host_notes")).isEqualTo(2);
    }

    @Test
    void outsideAHostTransactionEveryUnitOfWorkCommitsOfItsOwn() throws SQLException {
        addAda();
        recordTheDay();

        assertThat(countFromAnotherSession("attendance.employees")).isEqualTo(1);
        assertThat(countFromAnotherSession("attendance.attendance_records")).isEqualTo(1);
    }

    private void addAda() {
        database.transactions().runInTransaction(this::addAdaAlone);
    }

    private void addAdaAlone() {
        database.employees().add(ADA);
        database.auditTrail().append(EmployeeAuditEvent.created(ADA, "user:alice"));
    }

    private void recordTheDay() {
        AttendanceRecord record = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, TestData.NOW);
        database.dayChanges().apply(record.key(),
                stored -> Change.ofRecord(record, AuditEvent.created(record, "user:alice")));
    }

    private static void hostWrites(Connection connection, String note) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO public.host_notes VALUES ('" + note + "')");
        }
    }

    private static long countFromAnotherSession(String table) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    interface HostWork {
        /** @return whether the host commits */
        boolean run(Connection connection) throws SQLException;
    }

    /**
     * A host's data source as a transaction manager has it: while the host has a transaction open on
     * a thread, every connection it hands that thread is the transaction's (autocommit off), and
     * closing it gives nothing back; otherwise the pool's own.
     */
    static final class HostTransactions {
        private final DataSource pool;
        private final ThreadLocal<Connection> bound = new ThreadLocal<>();

        HostTransactions(DataSource pool) {
            this.pool = pool;
        }

        /** Runs {@code work} in a transaction of the host's, committed or rolled back as it says. */
        void inTransaction(HostWork work) throws SQLException {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                bound.set(connection);
                try {
                    if (work.run(connection)) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                } finally {
                    bound.remove();
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        }

        /** The host's source: the thread's transaction connection while there is one, else the pool's. */
        DataSource source() {
            return (DataSource) Proxy.newProxyInstance(HostTransactionTest.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                        if (!method.getName().equals("getConnection") || arguments != null) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        Connection connection = bound.get();
                        return connection == null ? pool.getConnection() : UnclosableConnection.of(connection);
                    });
        }
    }
}
