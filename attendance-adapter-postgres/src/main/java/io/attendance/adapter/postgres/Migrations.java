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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
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
 * The Liquibase changelog, shipped on the classpath by the attendance-db jar, run with Liquibase's
 * command API. With a pool of the adapter's own, on a connection of its own, outside the pool: a
 * changeset may rewrite a large table, so it runs without the statement and socket timeouts of the
 * service's connections. With a host's data source, on one of its connections, given back with the
 * session as it was (its search path, auto-commit and network timeout).
 *
 * <p>Everything goes into the {@link DatabaseSchema}, created when absent: the tables, and
 * Liquibase's history and lock tables. For the changesets' own SQL, the connection's search path is
 * that schema alone while a command runs. A database migrated before the schema was configurable
 * has our tables and history where its search path pointed then; {@link #update} moves them into the
 * schema first (see {@link #adoptFormerLayout}).
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
    /** Under a path of our own: a host's changelog at Spring Boot's default path must not collide with it. */
    static final String CHANGELOG = "io/attendance/db/changelog.yaml";
    /** The paths (as a LIKE pattern) our changesets are recorded under, their logicalFilePath, wherever the changelog is. */
    static final String RECORDED_PATHS = "db/changelog/changes/%";
    /** Any constant of our own: the key of the advisory lock that serialises Liquibase commands. */
    static final long MIGRATION_LOCK = 0x61747465_6e64616eL;
    /** How long a command waits for another instance's migration by default. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    private static final long LOCK_POLL_MILLIS = 100;
    private static final String FIRST_CHANGESET = "001-create-employees";
    /** The function of the audit tables' triggers (changeset 015), which moves with them. */
    private static final String AUDIT_FUNCTION = "audit_append_only()";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /**
     * Liquibase writes nothing to stdout itself (our logs are JSON there): its messages go to its
     * logger, java.util.logging, which the application bridges to SLF4J. And it sends no analytics.
     */
    private static final Map<String, Object> QUIET = Map.of(
            Scope.Attr.ui.name(), new LoggerUIService(),
            "liquibase.analytics.enabled", false);

    private final DataSource dataSource;
    private final DatabaseSchema schema;
    private final Duration lockWait;

    Migrations(DataSource dataSource, DatabaseSchema schema) {
        this(dataSource, schema, DEFAULT_LOCK_WAIT);
    }

    private Migrations(DataSource dataSource, DatabaseSchema schema, Duration lockWait) {
        this.dataSource = dataSource;
        this.schema = schema;
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
        return new Migrations(dataSource, schema, lockWait);
    }

    /**
     * Creates the schema when absent, moves a former layout's tables into it, then applies every
     * pending changeset; does nothing when the schema is up to date.
     */
    public void update() {
        run(UpdateCommandStep.COMMAND_NAME, this::adoptFormerLayout, command -> command
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .setOutput(OutputStream.nullOutputStream()));
    }

    /**
     * Applies the {@code count} first pending changesets, oldest first: the schema of an earlier
     * release, on which a later changeset's conversion of existing rows can be tried.
     */
    public void update(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        run(UpdateCountCommandStep.COMMAND_NAME, this::adoptFormerLayout, command -> command
                .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                .setOutput(OutputStream.nullOutputStream()));
    }

    /** Rolls back the {@code count} changesets applied last, newest first. */
    public void rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        run(RollbackCountCommandStep.COMMAND_NAME, connection -> { }, command -> command
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
        run(StatusCommandStep.COMMAND_NAME, connection -> { }, command -> command
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(StatusCommandStep.VERBOSE_ARG, true)
                .setOutput(report));
        return report.toString(StandardCharsets.UTF_8).strip();
    }

    /**
     * Runs the command under the advisory lock, after {@code beforehand} (in the same lock), with
     * Liquibase's objects and the changesets' SQL in the schema; the session is left as it was found.
     */
    @SuppressWarnings("try") // the resource accessor's close() declares Exception
    private void run(String[] commandName, Preparation beforehand, CommandArguments arguments) {
        try (Connection connection = dataSource.getConnection();
                ClassLoaderResourceAccessor changelogs = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader())) {
            SessionState found = SessionState.of(connection);
            try {
                connection.setNetworkTimeout(Runnable::run, 0);
                connection.setAutoCommit(true);
                takeTheLock(connection);
                try {
                    beforehand.run(connection);
                    inSchema(connection);
                    releaseLeftoverChangelogLock(connection);
                    CommandScope command = new CommandScope(commandName);
                    arguments.addTo(command);
                    Database database = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    database.setDefaultSchemaName(schema.name());
                    database.setLiquibaseSchemaName(schema.name());
                    command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
                    Map<String, Object> scope = new HashMap<>(QUIET);
                    scope.put(Scope.Attr.resourceAccessor.name(), changelogs);
                    Scope.child(scope, command::execute);
                } finally {
                    release(connection);
                }
            } finally {
                found.restoreQuietly(connection);
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

    /**
     * Creates the schema when absent, and makes it the session's search path (committed: Liquibase's
     * rollbacks keep it), so that the changesets' SQL, which names no schema, creates and finds
     * their objects there.
     */
    private void inSchema(Connection connection) throws SQLException {
        createSchemaIfAbsent(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema.quoted());
        }
    }

    /**
     * Looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even
     * when the schema exists, which a role migrating a schema a DBA created for it may not have.
     */
    private void createSchemaIfAbsent(Connection connection) throws SQLException {
        if (!exists(connection, "to_regnamespace(?)", schema.quoted())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema.quoted());
            }
        }
    }

    /**
     * A database migrated before the schema was configurable has our tables and Liquibase's history
     * of them in the first schema of its search path (usually {@code public}). When the schema has no
     * history yet and a schema of the session's search path has ours, that schema's tables of ours,
     * Liquibase's two tables and the audit trigger's function move into the schema, in one
     * transaction, under the advisory lock; indexes, constraints, triggers and sequences move with
     * their tables. Liquibase then finds its history there, and applies only what is pending.
     */
    private void adoptFormerLayout(Connection connection) throws SQLException {
        if (exists(connection, schema.table("databasechangelog"))) {
            return;
        }
        Optional<DatabaseSchema> former = formerSchema(connection);
        if (former.isEmpty()) {
            return;
        }
        DatabaseSchema from = former.get();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            createSchemaIfAbsent(connection);
            for (String table : Stream.concat(DatabaseSchema.TABLES.stream(), DatabaseSchema.LIQUIBASE_TABLES.stream()).toList()) {
                if (exists(connection, from.table(table))) {
                    statement.execute("ALTER TABLE " + from.table(table) + " SET SCHEMA " + schema.quoted());
                }
            }
            if (exists(connection, "to_regprocedure(?)", from.table(AUDIT_FUNCTION))) {
                statement.execute("ALTER FUNCTION " + from.table(AUDIT_FUNCTION) + " SET SCHEMA " + schema.quoted());
            }
            connection.commit();
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
        LOG.info("Moved the attendance tables and their Liquibase history from schema {} into schema {}"
                + " (the database was migrated before the schema was configurable)", from, schema);
    }

    /** The first schema of the session's search path whose Liquibase history holds our changesets. */
    private Optional<DatabaseSchema> formerSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT n.nspname
                  FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(name, position)
                  JOIN pg_namespace n ON n.nspname = s.name
                  JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'databasechangelog' AND c.relkind = 'r'
                 WHERE n.nspname <> ?
                 ORDER BY s.position
                """)) {
            statement.setString(1, schema.name());
            List<DatabaseSchema> candidates = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // a schema whose name needs quotes never held ours: the former release created no schema
                    if (DatabaseSchema.isPlain(rs.getString(1))) {
                        candidates.add(new DatabaseSchema(rs.getString(1)));
                    }
                }
            }
            for (DatabaseSchema candidate : candidates) {
                if (holdsOurHistory(connection, candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    private static boolean holdsOurHistory(Connection connection, DatabaseSchema candidate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                + candidate.table("databasechangelog") + " WHERE id = ? AND author = 'attendance' AND filename LIKE ?)")) {
            statement.setString(1, FIRST_CHANGESET);
            statement.setString(2, RECORDED_PATHS);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Called while holding the advisory lock: Liquibase's lock row, if taken, belongs to a process that died. */
    private void releaseLeftoverChangelogLock(Connection connection) throws SQLException {
        String lockTable = schema.table("databasechangeloglock");
        if (!exists(connection, lockTable)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + lockTable + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE locked")) {
            if (statement.executeUpdate() > 0) {
                LOG.warn("Released the Liquibase lock left taken by a migration that did not end (its process died):"
                        + " no other migration holds advisory lock {}", MIGRATION_LOCK);
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        return exists(connection, "to_regclass(?)", table);
    }

    /** Whether {@code lookup} (to_regclass, to_regprocedure or to_regnamespace of its one parameter) finds {@code name}. */
    private static boolean exists(Connection connection, String lookup, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + lookup + " IS NOT NULL")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
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

    /** What a command does to the database before Liquibase runs, under the same lock. */
    @FunctionalInterface
    private interface Preparation {
        void run(Connection connection) throws SQLException;
    }

    /**
     * What a command changes of the session, as it was before: a host's pool keeps its connections'
     * sessions, and hands this one on as the command leaves it.
     */
    private record SessionState(boolean autoCommit, int networkTimeout, String searchPath) {
        static SessionState of(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT current_setting('search_path')")) {
                rs.next();
                return new SessionState(connection.getAutoCommit(), connection.getNetworkTimeout(), rs.getString(1));
            }
        }

        /** Should that fail, the connection is broken: its pool discards it, and the command's own failure stands. */
        void restoreQuietly(Connection connection) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT set_config('search_path', ?, false)")) {
                    statement.setString(1, searchPath);
                    statement.execute();
                }
                connection.setAutoCommit(autoCommit);
                connection.setNetworkTimeout(Runnable::run, networkTimeout);
            } catch (SQLException broken) {
                // the connection is closed next
            }
        }
    }
}
