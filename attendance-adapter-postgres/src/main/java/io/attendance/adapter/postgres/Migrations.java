package io.attendance.adapter.postgres;

import io.attendance.domain.error.Unavailable;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's Liquibase changelog, shipped on the classpath by the attendance-db jar, run with
 * Liquibase's command API on a connection of its own, outside the pool: a changeset may rewrite a
 * large table, so it runs without the statement and socket timeouts of the service's connections.
 *
 * <p>Instances starting together migrate once. Liquibase's own lock table is not enough for that:
 * on a new database, every instance creates Liquibase's tables before taking the lock, and all but
 * one fail. So each command first takes a PostgreSQL advisory lock of its session, which the server
 * also releases should the process die.
 *
 * <p>Liquibase's lock row is not released when its process dies: a start-up killed during a migration
 * would leave every later one waiting for it, then failing, until someone ran {@code release-locks}.
 * Holding the advisory lock proves that no other command of ours is running, so a lock row found
 * taken then is such a leftover, and is released before the command runs.
 */
public final class Migrations {
    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    /** Any constant of our own: the key of the advisory lock that serialises Liquibase commands. */
    static final long MIGRATION_LOCK = 0x61747465_6e64616eL;
    /** How long a command waits for another instance's migration by default. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    private static final long LOCK_POLL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /**
     * Liquibase writes nothing to stdout itself (our logs are JSON there): its messages go to its
     * logger, java.util.logging, which the application bridges to SLF4J. And it sends no analytics.
     */
    private static final Map<String, Object> QUIET = Map.of(
            Scope.Attr.ui.name(), new LoggerUIService(),
            "liquibase.analytics.enabled", false);

    private final DataSource dataSource;
    private final Duration lockWait;

    Migrations(DataSource dataSource) {
        this(dataSource, DEFAULT_LOCK_WAIT);
    }

    private Migrations(DataSource dataSource, Duration lockWait) {
        this.dataSource = dataSource;
        this.lockWait = lockWait;
    }

    /**
     * These migrations, waiting at most {@code lockWait} for another instance's to end: a command
     * that cannot take the lock by then fails, naming the wait, instead of hanging a start-up.
     */
    public Migrations waitingForTheLockAtMost(Duration lockWait) {
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait must not be negative, was " + lockWait);
        }
        return new Migrations(dataSource, lockWait);
    }

    /** Applies every pending changeset; does nothing when the schema is up to date. */
    public void update() {
        run(UpdateCommandStep.COMMAND_NAME, command -> command
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .setOutput(OutputStream.nullOutputStream()));
    }

    /** Rolls back the {@code count} changesets applied last, newest first. */
    public void rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        run(RollbackCountCommandStep.COMMAND_NAME, command -> command
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                .setOutput(OutputStream.nullOutputStream()));
    }

    /**
     * Which changesets are not applied yet, as Liquibase words it: "N changesets have not been
     * applied to ..." followed by one line per changeset (path::id::author), or "... is up to date".
     */
    public String status() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        run(StatusCommandStep.COMMAND_NAME, command -> command
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(StatusCommandStep.VERBOSE_ARG, true)
                .setOutput(report));
        return report.toString(StandardCharsets.UTF_8).strip();
    }

    @SuppressWarnings("try") // the resource accessor's close() declares Exception
    private void run(String[] commandName, CommandArguments arguments) {
        try (Connection connection = dataSource.getConnection();
                ClassLoaderResourceAccessor changelogs = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader())) {
            connection.setNetworkTimeout(Runnable::run, 0);
            CommandScope command = new CommandScope(commandName);
            arguments.addTo(command);
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
            Map<String, Object> scope = new HashMap<>(QUIET);
            scope.put(Scope.Attr.resourceAccessor.name(), changelogs);
            takeTheLock(connection);
            try {
                releaseLeftoverChangelogLock(connection);
                Scope.child(scope, command::execute);
            } finally {
                release(connection);
            }
        } catch (Exception failure) {
            if (DatabaseFailures.isUnreachable(failure)) {
                throw new Unavailable("PostgreSQL is unavailable: " + failure.getMessage(), failure);
            }
            throw new IllegalStateException("Liquibase " + String.join(" ", commandName)
                    + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Ends a failed command's transaction, and the lock; should that fail, closing the connection ends both. */
    private static void release(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            unlock(connection);
        } catch (SQLException stuck) {
            // the connection is closed next
        }
    }

    /** Takes the session's advisory lock, or fails once {@link #lockWait} has passed. */
    private void takeTheLock(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (!tryLock(connection)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("another migration of this database has held its lock for more than "
                        + lockWait.toSeconds() + " s (PostgreSQL advisory lock " + MIGRATION_LOCK
                        + "); start again once it has ended, or wait longer");
            }
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another migration", interrupted);
            }
        }
    }

    /** Called while holding the advisory lock: Liquibase's lock row, if taken, belongs to a process that died. */
    private static void releaseLeftoverChangelogLock(Connection connection) throws SQLException {
        if (!tableExists(connection)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE databasechangeloglock SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE locked")) {
            if (statement.executeUpdate() > 0) {
                LOG.warn("Released the Liquibase lock left taken by a migration that did not end (its process died):"
                        + " no other migration holds advisory lock {}", MIGRATION_LOCK);
            }
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT to_regclass('databasechangeloglock') IS NOT NULL");
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, MIGRATION_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, MIGRATION_LOCK);
            statement.execute();
        }
    }

    @FunctionalInterface
    private interface CommandArguments {
        void addTo(CommandScope command) throws Exception;
    }
}
