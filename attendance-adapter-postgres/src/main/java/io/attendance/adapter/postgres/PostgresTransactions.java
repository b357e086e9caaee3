package io.attendance.adapter.postgres;

import io.attendance.domain.port.Transactions;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Units of work on PostgreSQL: one JDBI {@link Handle} (one connection, one transaction) per unit of
 * work, bound to the thread that runs it. A nested call joins the outer unit of work, and the
 * repositories of the same {@link PostgresDatabase} run their statements on that handle, so that
 * everything commits or rolls back together.
 */
public final class PostgresTransactions implements Transactions {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> unitOfWork = new ThreadLocal<>();

    PostgresTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code work} in a transaction, or inside the current one when this thread is already in a
     * unit of work. Any exception rolls back; domain exceptions propagate unchanged, and a database
     * that cannot be reached is reported as {@link io.attendance.domain.error.Unavailable}. A
     * transaction PostgreSQL aborts for losing to concurrent ones (a deadlock, a serialization
     * failure) runs {@code work} again from the start, as {@link LostTransactions} says: so
     * {@code work} must do nothing but call the ports. A unit of work that met a read-only server (a
     * demoted primary) runs once more: the pool has dropped that server's connections, and the new
     * one is opened on the primary if there is one.
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

    /** {@code work} in a transaction of its own; what the database throws comes out untranslated. */
    private <T> T once(Supplier<T> work) {
        Handle handle = open();
        unitOfWork.set(handle);
        try {
            handle.begin();
            T result = work.get();
            handle.commit();
            return result;
        } catch (RuntimeException | Error failure) {
            rollbackQuietly(handle, failure);
            throw failure;
        } finally {
            unitOfWork.remove();
            closeQuietly(handle);
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
                return statements.apply(own);
            }
        })));
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
