package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Unavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;

/**
 * Turns what JDBC and JDBI throw into the domain's errors where the domain has a word for it: a
 * database that cannot be reached is {@link Unavailable}, a duplicate key a {@link Conflict}, and so
 * is a transaction that lost to concurrent ones (see {@link LostTransactions}, which runs it again
 * first), and so is a schema that is not migrated. Anything else is a bug or a broken schema and
 * propagates as it is.
 */
final class DatabaseFailures {
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; query_canceled (by
     * {@code statement_timeout}: the server is too slow to serve now).
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03", "53300", "57014");
    /**
     * undefined_table, undefined_schema: the schema is missing or not migrated (a start-up without
     * migrations, a wrong ATTENDANCE_DB_SCHEMA), which no retry mends but which is no bug either.
     */
    private static final Set<String> NOT_MIGRATED = Set.of("42P01", "3F000");
    /** read_only_sql_transaction: the server took a write but is a standby now, or a demoted primary. */
    private static final String READ_ONLY = "25006";

    private DatabaseFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (isUnreachable(failure)) {
            return new Unavailable("PostgreSQL is unavailable: " + failure.getMessage(), failure);
        }
        Optional<SQLException> missing = stateOf(failure, NOT_MIGRATED);
        if (missing.isPresent()) {
            return new Unavailable("the attendance schema is not migrated (" + missing.get().getMessage()
                    + "): apply the migrations first (the service's migrate command, or Migrations.update())", failure);
        }
        if (LostTransactions.isLost(failure)) {
            return LostTransactions.tooManyConcurrentChanges();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new Conflict("the change collides with existing data: " + sql.getMessage());
            }
        }
        return failure;
    }

    /** The first of the failure and its causes that carries one of {@code states}. */
    private static Optional<SQLException> stateOf(Throwable failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure, or one of its causes, says the server cannot be reached, is going away,
     * is too slow or no longer takes writes: whatever the statement, it would fail the same now.
     */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof ConnectionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SERVER_GOING_AWAY.contains(state) || READ_ONLY.equals(state);
        }
        return false;
    }

    /**
     * {@code call}, and once more if it met a read-only server (a demoted primary): by then the pool
     * has dropped that server's connections, so the second run opens a new one, on the primary if
     * there is one.
     */
    static <T> T onceMoreIfReadOnly(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            if (!isReadOnly(failure)) {
                throw failure;
            }
            return call.get();
        }
    }

    /** Whether the failure, or one of its causes, is a write refused by a server that is read-only. */
    static boolean isReadOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && READ_ONLY.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
