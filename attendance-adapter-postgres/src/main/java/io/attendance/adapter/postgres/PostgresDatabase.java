package io.attendance.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Persistence;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The PostgreSQL adapter's entry point: the ports implemented on one {@link DataSource}, their tables
 * in one {@link DatabaseSchema}. Either it owns the source, a HikariCP pool it builds
 * ({@link #connect}, named {@value #POOL_NAME}, its metrics in the given registry), or a host service
 * hands it one it owns ({@link #using}). Bootstrap makes one per process and closes it at shutdown.
 */
public final class PostgresDatabase implements Persistence, AutoCloseable {
    static final String POOL_NAME = "attendance";
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    /** Closes the pool this made, or nothing: a host's source is the host's to close. */
    private final Runnable closeOwnedPool;
    private final PostgresTransactions transactions;
    private final PostgresEmployees employees;
    private final PostgresAttendanceRecords attendanceRecords;
    private final PostgresAuditTrail auditTrail;
    private final PostgresUsers users;
    private final PostgresApiKeys apiKeys;
    private final PostgresHealthProbe healthProbe;
    private final Migrations migrations;
    private final PostgresDayChanges dayChanges;
    private final PostgresChangeFeed changeFeed;

    private PostgresDatabase(DataSource dataSource, boolean hostsSource, Runnable closeOwnedPool,
            Migrations migrations, Duration healthTimeout, DatabaseSchema schema, MeterRegistry registry) {
        this.closeOwnedPool = closeOwnedPool;
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        jdbi.setTemplateEngine(new QualifiedTables(schema));
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(PostgresDatabase::namingTheStatementOnly);
        this.transactions = new PostgresTransactions(jdbi, hostsSource);
        this.employees = new PostgresEmployees(transactions);
        this.attendanceRecords = new PostgresAttendanceRecords(transactions);
        this.auditTrail = new PostgresAuditTrail(transactions);
        this.users = new PostgresUsers(transactions);
        this.apiKeys = new PostgresApiKeys(transactions);
        this.healthProbe = new PostgresHealthProbe(dataSource, healthTimeout);
        this.migrations = migrations;
        this.dayChanges = new PostgresDayChanges(dataSource, hostsSource, schema, PostgresDayChanges.COMMITTERS,
                registry);
        this.changeFeed = new PostgresChangeFeed(transactions);
    }

    /**
     * The adapter on a {@link DataSource} the host service owns and configures, its tables in
     * {@code schema}. Each unit of work, group of day changes, health check and migration takes a
     * connection from it and gives it back; the adapter changes no setting of the connections'
     * sessions (its statements name their tables with the schema) and never closes the source. So the
     * host sets the limits the adapter sets on its own pool: the pool's size and how long a caller
     * waits for a connection, {@code statement_timeout} and
     * {@code idle_in_transaction_session_timeout} (a migration may need longer than the service's
     * statements), a socket timeout, and {@code targetServerType=primary} when several hosts are named.
     * The day changes' committers hold up to {@value PostgresDayChanges#COMMITTERS} connections while
     * they write.
     *
     * <p>A connection that comes already in a transaction of the host's (autocommit off, as a
     * transaction manager hands out the thread's transaction connection) is joined: each unit of work,
     * and each day change called on that thread, runs inside a savepoint of the host's transaction,
     * released on success, so that its writes commit or roll back with the host's; a failure rolls
     * back to the savepoint and propagates unchanged, leaving the host's transaction usable. A
     * transaction lost there (deadlock, serialization failure) is a
     * {@link io.attendance.domain.error.Conflict} at once: only the host can run its transaction
     * again. To know, a day change takes a connection from the source and gives it back before it is
     * queued or written. A read cache's invalidations are made as the unit of work ends, before the
     * host commits; the cache catch-up ends what was cached in between at its first run once the
     * host's transaction has ended. A read in the host's transaction after its writes may cache them
     * uncommitted, and a host rollback leaves such an entry, which no catch-up sees: "With PostgreSQL"
     * in docs/embedding.md says more.
     */
    public static PostgresDatabase using(DataSource dataSource, DatabaseSchema schema, MeterRegistry registry) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(registry, "registry");
        return new PostgresDatabase(dataSource, true, () -> { }, new Migrations(dataSource, schema), HEALTH_TIMEOUT, schema,
                registry);
    }

    /**
     * {@link #using(DataSource, DatabaseSchema, MeterRegistry)} with its meters in Micrometer's global
     * registry: where the host adds no registry to it, as a library's meters should, they cost nothing.
     */
    public static PostgresDatabase using(DataSource dataSource, DatabaseSchema schema) {
        return using(dataSource, schema, Metrics.globalRegistry);
    }

    /** A pool of at most {@code poolSize} connections, with the default {@link DatabaseTimeouts} and schema. */
    public static PostgresDatabase connect(
            String jdbcUrl, String user, String password, int poolSize, MeterRegistry registry) {
        return connect(jdbcUrl, user, password, poolSize, registry, DatabaseTimeouts.DEFAULTS, DatabaseSchema.DEFAULT);
    }

    /** A pool of at most {@code poolSize} connections, the tables in the default schema. */
    public static PostgresDatabase connect(String jdbcUrl, String user, String password, int poolSize,
            MeterRegistry registry, DatabaseTimeouts timeouts) {
        return connect(jdbcUrl, user, password, poolSize, registry, timeouts, DatabaseSchema.DEFAULT);
    }

    /**
     * A pool of at most {@code poolSize} connections, the tables in {@code schema}. Nothing is
     * connected yet, so this succeeds even while the server is down; calls then fail with
     * {@link io.attendance.domain.error.Unavailable} within the {@code timeouts}, and the pool
     * reconnects once the server is back. A statement that finds its server read-only (a demoted
     * primary) makes the pool drop every connection it holds: the next ones are opened on whichever
     * host is the primary now. Migrations run on a connection of their own, outside the pool and
     * without its timeouts.
     */
    public static PostgresDatabase connect(String jdbcUrl, String user, String password, int poolSize,
            MeterRegistry registry, DatabaseTimeouts timeouts, DatabaseSchema schema) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(schema, "schema");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be positive, was " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        PostgresConnections connections = new PostgresConnections(jdbcUrl, user, password, timeouts);
        config.setDataSource(connections);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(timeouts.connection().toMillis());
        config.setValidationTimeout(Math.max(DatabaseTimeouts.MIN_CONNECTION.toMillis(), timeouts.connection().toMillis() / 2));
        config.setConnectionInitSql("SET statement_timeout = " + timeouts.statement().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + timeouts.idleInTransaction().toMillis());
        // start without a server (it may come up later); the first call reports it unavailable
        config.setInitializationFailTimeout(-1);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        ReadOnlyServerEviction eviction = new ReadOnlyServerEviction();
        config.setExceptionOverride(eviction);
        HikariDataSource dataSource = new HikariDataSource(config);
        eviction.pool = dataSource.getHikariPoolMXBean();
        Duration connectionTimeout = timeouts.connection();
        Duration healthTimeout = connectionTimeout.compareTo(HEALTH_TIMEOUT) < 0 ? connectionTimeout : HEALTH_TIMEOUT;
        return new PostgresDatabase(dataSource, false, dataSource::close, new Migrations(connections, schema), healthTimeout,
                schema, registry);
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Employees employees() {
        return employees;
    }

    @Override
    public AttendanceRecords attendanceRecords() {
        return attendanceRecords;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Writes to one day, committed in groups with concurrent ones. */
    @Override
    public DayChanges dayChanges() {
        return dayChanges;
    }

    /** The audit trail read in commit order, for incremental sync and cache catch-up. */
    @Override
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** Answers within about two seconds whether the server answers; never throws. */
    @Override
    public HealthProbe healthProbe() {
        return healthProbe;
    }

    public Migrations migrations() {
        return migrations;
    }

    /**
     * HikariCP drops a connection on SQLSTATE class 08 and a few fatal states, but keeps one whose
     * server refused a write as read-only: it would keep failing writes for the connection's whole
     * lifetime. Every connection to that server is as stale, so the pool drops them all: idle ones at
     * once, the others as they are returned.
     */
    private static final class ReadOnlyServerEviction implements SQLExceptionOverride {
        volatile HikariPoolMXBean pool;

        @java.lang.Override
        public Override adjudicate(SQLException failure) {
            if (!DatabaseFailures.isReadOnly(failure)) {
                return Override.CONTINUE_EVICT;
            }
            pool.softEvictConnections();
            return Override.MUST_EVICT;
        }
    }

    /**
     * Every statement is written with the adapter's tables as {@code <table>}: JDBI parses each text
     * once and keeps the result, so the tables are qualified once per statement text, not per call.
     */
    private record QualifiedTables(DatabaseSchema schema) implements TemplateEngine {
        @java.lang.Override
        public String render(String template, StatementContext context) {
            return schema.qualify(template);
        }

        @java.lang.Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            String sql = schema.qualify(template);
            return Optional.of(context -> sql);
        }
    }

    /**
     * Commits the day changes queued, then closes the pool this made (in-use connections are closed
     * as they are returned); a host's data source stays open.
     */
    @Override
    public void close() {
        dayChanges.close();
        healthProbe.close();
        closeOwnedPool.run();
    }

    /**
     * A statement's failure as its message tells it: the SQL, never the bound arguments. JDBI's default
     * adds the arguments, and the message reaches log lines and {@code Unavailable}'s reason, where a
     * password hash being written must never appear. Every statement of the adapter binds its values,
     * so the SQL itself holds none.
     */
    private static String namingTheStatementOnly(StatementException failure) {
        StatementContext context = failure.getStatementContext();
        return context == null || context.getRenderedSql() == null ? failure.getShortMessage()
                : failure.getShortMessage() + " [statement: \"" + context.getRenderedSql() + "\"]";
    }
}
