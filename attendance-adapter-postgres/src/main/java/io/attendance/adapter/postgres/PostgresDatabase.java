package io.attendance.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The PostgreSQL adapter's entry point: one HikariCP pool (named {@value #POOL_NAME}, its metrics
 * in the given registry) and the ports implemented on it. Bootstrap makes one per process and
 * closes it at shutdown.
 */
public final class PostgresDatabase implements AutoCloseable {
    static final String POOL_NAME = "attendance";
    /** How long a caller waits for a connection before the database counts as unavailable. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final HikariDataSource dataSource;
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

    private PostgresDatabase(HikariDataSource dataSource, Duration healthTimeout, MeterRegistry registry) {
        this.dataSource = dataSource;
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.transactions = new PostgresTransactions(jdbi);
        this.employees = new PostgresEmployees(transactions);
        this.attendanceRecords = new PostgresAttendanceRecords(transactions);
        this.auditTrail = new PostgresAuditTrail(transactions);
        this.users = new PostgresUsers(transactions);
        this.apiKeys = new PostgresApiKeys(transactions);
        this.healthProbe = new PostgresHealthProbe(dataSource, healthTimeout);
        this.migrations = new Migrations(dataSource);
        this.dayChanges = new PostgresDayChanges(dataSource, PostgresDayChanges.COMMITTERS, registry);
        this.changeFeed = new PostgresChangeFeed(transactions);
    }

    /**
     * A pool of at most {@code poolSize} connections. Nothing is connected yet, so this succeeds even
     * while the server is down; calls then fail with {@link io.attendance.domain.error.Unavailable}
     * after {@link #CONNECTION_TIMEOUT}, and the pool reconnects once the server is back.
     */
    public static PostgresDatabase connect(
            String jdbcUrl, String user, String password, int poolSize, MeterRegistry registry) {
        return connect(jdbcUrl, user, password, poolSize, registry, CONNECTION_TIMEOUT);
    }

    /** For tests: a shorter wait for a dead server, or for the pool. */
    static PostgresDatabase connect(String jdbcUrl, String user, String password, int poolSize,
            MeterRegistry registry, Duration connectionTimeout) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(registry, "registry");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be positive, was " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 2));
        // start without a server (it may come up later); the first call reports it unavailable
        config.setInitializationFailTimeout(-1);
        // a silent (firewalled) host must not hold a connection attempt longer than callers wait
        // (driver properties must be strings: the driver reads them with Properties.getProperty)
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectionTimeout.toSeconds())));
        config.addDataSourceProperty("ApplicationName", "attendance-api");
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        Duration healthTimeout = connectionTimeout.compareTo(HEALTH_TIMEOUT) < 0 ? connectionTimeout : HEALTH_TIMEOUT;
        return new PostgresDatabase(new HikariDataSource(config), healthTimeout, registry);
    }

    public Transactions transactions() {
        return transactions;
    }

    public Employees employees() {
        return employees;
    }

    public AttendanceRecords attendanceRecords() {
        return attendanceRecords;
    }

    /** Appends join the caller's unit of work: an event commits with the change it describes. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Writes to one day, committed in groups with concurrent ones. */
    public DayChanges dayChanges() {
        return dayChanges;
    }

    /** The audit trail read in commit order, for incremental sync and cache catch-up. */
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    public Users users() {
        return users;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** Answers within about two seconds whether the server answers; never throws. */
    public HealthProbe healthProbe() {
        return healthProbe;
    }

    public Migrations migrations() {
        return migrations;
    }

    /** Commits the day changes queued, then closes the pool: in-use connections are closed as they are returned. */
    @Override
    public void close() {
        dayChanges.close();
        healthProbe.close();
        dataSource.close();
    }
}
