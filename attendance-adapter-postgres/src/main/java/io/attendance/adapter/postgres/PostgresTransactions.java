package io.attendance.adapter.postgres;

import io.attendance.domain.port.Transactions;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * Units of work on PostgreSQL: one JDBI {@link Handle} (one connection, one transaction) per unit of
 * work, bound to the thread that runs it. A nested call joins the outer unit of work, and the
 * repositories of the same {@link PostgresDatabase} run their statements on that handle, so that
 * everything commits or rolls back together.
 *
 * <p>On a host's data source, a connection may come already in a transaction of the host's (its
 * autocommit off, as a transaction manager hands out the thread's transaction connection): the unit
 * of work then joins that transaction inside a savepoint. It neither begins nor commits; it releases
 * the savepoint when it succeeds and rolls back to it when it fails, so a failure undoes its own
 * writes only, and the host's transaction goes on. It is not run again when it lost to a concurrent
 * transaction: the host's transaction is what lost, and only the host can run it again.
 */
public final class PostgresTransactions implements Transactions {
    private final Jdbi jdbi;
    /** Whether a connection may come in a transaction of the host's: never from the adapter's own pool. */
    private final boolean joinsHostTransactions;
    private final ThreadLocal<Handle> unitOfWork = new ThreadLocal<>();

    PostgresTransactions(Jdbi jdbi, boolean joinsHostTransactions) {
        this.jdbi = jdbi;
        this.joinsHostTransactions = joinsHostTransactions;
    }

    /**
     * Runs {@code work} in a transaction, or inside the current one when this thread is already in a
     * unit of work. Any exception rolls back; domain exceptions propagate unchanged, and a database
     * that cannot be reached is reported as {@link io.attendance.domain.error.Unavailable}. A
     * transaction PostgreSQL aborts for losing to concurrent ones (a deadlock, a serialization
     * failure) runs {@code work} again from the start, as {@link LostTransactions} says: so
     * {@code work} must do nothing but call the ports. A unit of work that met a read-only server (a
     * demoted primary) runs once more: the pool has dropped that server's connections, and the new
     * one is opened on the primary if there is one. Inside a transaction of the host's, it runs in a
     * savepoint, once: a lost transaction is a {@link io.attendance.domain.error.Conflict} at once.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (unitOfWork.get() != null) {
            return work.get();
        }
        return DatabaseFailures.onceMoreIfReadOnly(() -> {
            try {
                return LostTransactions.rerunWhileLost(() -> once(work));
            } catch (JdbiException failure) {
                throw DatabaseFailures.translate(failure);
            }
        });
    }

    /**
     * {@code work} in a transaction of its own, or in a savepoint of the host's; what the database
     * throws comes out untranslated.
     */
    private <T> T once(Supplier<T> work) {
        Handle handle = open();
        unitOfWork.set(handle);
        try {
            return inHostTransaction(handle) ? inSavepoint(handle, work) : inOwnTransaction(handle, work);
        } finally {
            unitOfWork.remove();
            closeQuietly(handle);
        }
    }

    private static <T> T inOwnTransaction(Handle handle, Supplier<T> work) {
        try {
            handle.begin();
            T result = work.get();
            handle.commit();
            return result;
        } catch (RuntimeException | Error failure) {
            rollbackQuietly(handle, failure);
            throw failure;
        }
    }

    /**
     * Runs {@code statements} on this thread's unit of work when there is one, else on a short-lived
     * handle of its own (auto-commit, run again while it loses to concurrent transactions, and once
     * more when it met a read-only server), translating database failures. Inside a unit of work a
     * lost transaction is left as it is, for the unit of work to run again whole: its transaction is
     * aborted, nothing of it may go on.
     */
    <T> T withHandle(Function<Handle, T> statements) {
        Handle current = unitOfWork.get();
        if (current != null) {
            try {
                return statements.apply(current);
            } catch (JdbiException failure) {
                throw LostTransactions.isLost(failure) ? failure : DatabaseFailures.translate(failure);
            }
        }
        return DatabaseFailures.onceMoreIfReadOnly(() -> translated(() -> LostTransactions.rerunWhileLost(() -> {
            try (Handle own = jdbi.open()) {
                return inHostTransaction(own) ? inSavepoint(own, () -> statements.apply(own)) : statements.apply(own);
            }
        })));
    }

    /** Whether {@code handle}'s connection came in a transaction the host has open (no round trip: the driver knows). */
    private boolean inHostTransaction(Handle handle) {
        return joinsHostTransactions && handle.isInTransaction();
    }

    /**
     * {@code work} in the host's transaction, inside a savepoint (see {@link HostTransactionSavepoints});
     * a savepoint the driver refuses comes out as JDBI's own failures do, for the caller to translate.
     */
    private static <T> T inSavepoint(Handle handle, Supplier<T> work) {
        try {
            return HostTransactionSavepoints.inSavepoint(handle.getConnection(), work::get, result -> true);
        } catch (SQLException failure) {
            throw new TransactionException("the savepoint in the host's transaction failed", failure);
        }
    }

    private Handle open() {
        return translated(jdbi::open);
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException failure) {
            throw DatabaseFailures.translate(failure);
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException ignored) {
            // the connection is broken; the pool discards it, and the unit of work's outcome stands
        }
    }
}
