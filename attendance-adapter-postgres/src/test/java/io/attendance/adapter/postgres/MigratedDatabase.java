package io.attendance.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Users;
import io.attendance.testing.TakingTurns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own migrated database, with the adapter connected to it for the whole class and
 * every table emptied before each test (before the class's own {@code @BeforeEach} methods). Register
 * it in a static field with {@code @RegisterExtension}: {@link #ownPool()} is the adapter as the
 * service runs it, {@link #onAHostDataSource()} as a host service embeds it.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    /** A schema of the host's choosing, not the default one. */
    static final DatabaseSchema HOST_CHOSEN_SCHEMA = new DatabaseSchema("embedded_attendance");

    private final boolean onAHostDataSource;
    private HikariDataSource hostPool;
    private TestDatabase testDatabase;
    private PostgresDatabase database;
    private PostgresDatabase otherInstance;

    private MigratedDatabase(boolean onAHostDataSource) {
        this.onAHostDataSource = onAHostDataSource;
    }

    /** The adapter with its own pool, on a database migrated once per JVM (the default schema). */
    static MigratedDatabase ownPool() {
        return new MigratedDatabase(false);
    }

    /**
     * The adapter on a pool the host owns, whose sessions' search path is {@code public}, where the
     * host has its own {@code employees} table; the adapter's tables in {@link #HOST_CHOSEN_SCHEMA},
     * migrated through that pool.
     */
    static MigratedDatabase onAHostDataSource() {
        return new MigratedDatabase(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (!onAHostDataSource) {
            testDatabase = TestPostgres.freshMigratedDatabase();
            database = testDatabase.connect();
            return;
        }
        testDatabase = TestPostgres.freshDatabase();
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.employees (id bigint PRIMARY KEY, full_name text NOT NULL)");
            statement.execute("INSERT INTO public.employees VALUES (1, 'the host''s own employee')");
        }
        hostPool = hostPool(testDatabase);
        database = anotherInstance();
        database.migrations().update();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestPostgres.truncateAll(testDatabase, schema());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
        if (otherInstance != null) {
            otherInstance.close();
        }
        if (hostPool != null) {
            hostPool.close();
        }
    }

    /** Another instance of the adapter on the same database, as another process would have. */
    PostgresDatabase anotherInstance() {
        if (!onAHostDataSource) {
            return testDatabase.connect();
        }
        return PostgresDatabase.using(hostPool, HOST_CHOSEN_SCHEMA, new SimpleMeterRegistry());
    }

    /**
     * A host's pool of at most {@code size} connections, whose sessions the host sets as they are
     * opened, behind HikariCP's back: a search path of {@code public}, a statement timeout of 7 s.
     */
    static HikariDataSource hostPool(TestDatabase testDatabase, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(testDatabase.jdbcUrl());
        config.setUsername(testDatabase.user());
        config.setPassword(testDatabase.password());
        config.setMaximumPoolSize(size);
        config.setConnectionInitSql("SET search_path = public; SET statement_timeout = '7s'");
        return new HikariDataSource(config);
    }

    private static HikariDataSource hostPool(TestDatabase testDatabase) {
        return hostPool(testDatabase, 10);
    }

    /**
     * The day changes of this instance and of another one (made on first use), taking turns: one
     * instance never lets its own calls race, so the races the contract describes happen between
     * instances.
     */
    DayChanges dayChangesOfTwoInstances() {
        if (otherInstance == null) {
            otherInstance = anotherInstance();
        }
        return new TakingTurns(List.of(database.dayChanges(), otherInstance.dayChanges()));
    }

    DatabaseSchema schema() {
        return onAHostDataSource ? HOST_CHOSEN_SCHEMA : DatabaseSchema.DEFAULT;
    }

    TestDatabase testDatabase() {
        return testDatabase;
    }

    PostgresDatabase database() {
        return database;
    }

    Employees employees() {
        return database.employees();
    }

    AttendanceRecords attendanceRecords() {
        return database.attendanceRecords();
    }

    AuditTrail auditTrail() {
        return database.auditTrail();
    }

    Users users() {
        return database.users();
    }

    ApiKeys apiKeys() {
        return database.apiKeys();
    }

    PostgresTransactions transactions() {
        return (PostgresTransactions) database.transactions();
    }
}
