package io.attendance.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Predicate;

/**
 * Work on a connection that came in a transaction the host has open (autocommit off): it neither
 * begins nor commits, it runs inside a savepoint, so that its failure undoes its own writes only and
 * the host's transaction goes on, and its success leaves the commit to the host.
 */
final class HostTransactionSavepoints {
    private HostTransactionSavepoints() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * {@code work} inside a savepoint, released when {@code kept} says its writes stay, else rolled
     * back to. A failure rolls back to it and propagates unchanged, but for a transaction lost to a
     * concurrent one: that is the host's, lost with it, which only the host can run again, so it is a
     * {@link io.attendance.domain.error.Conflict} at once.
     */
    static <T> T inSavepoint(Connection connection, Work<T> work, Predicate<T> kept) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run();
            if (kept.test(result)) {
                connection.releaseSavepoint(savepoint);
            } else {
                connection.rollback(savepoint);
            }
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            if (LostTransactions.isLost(failure)) {
                throw LostTransactions.tooManyConcurrentChanges();
            }
            throw failure;
        }
    }
}
