package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Transactions PostgreSQL aborts because they lost to concurrent ones: a deadlock (40P01), a
 * serialization failure (40001, under a stricter isolation than ours, which a DBA may set), a lock
 * not got in time (55P03, when a {@code lock_timeout} is set). Nothing of such a transaction is
 * written, and the same transaction run again from its start may well succeed: so it runs again, at
 * most {@value #ATTEMPTS} times in all, each time after a short random pause that grows with the
 * attempts, so that the losers do not meet again in step. A transaction lost every time ends as a
 * {@link Conflict}, like a lost race: the data is busy, not the service broken.
 */
final class LostTransactions {
    /** Runs of one transaction at most: a lost race or a lost transaction counts as one. */
    static final int ATTEMPTS = 5;
    private static final Set<String> LOST = Set.of("40P01", "40001", "55P03");
    private static final long FIRST_PAUSE_MICROS = 2_000;
    private static final long LONGEST_PAUSE_MICROS = 50_000;

    private LostTransactions() {
    }

    /** Whether the failure, or one of its causes, says the transaction lost to a concurrent one. */
    static boolean isLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Set.of refuses to look up null, the state of a driver's own exceptions
            if (cause instanceof SQLException sql && sql.getSQLState() != null && LOST.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code transaction}, and again while it is lost, {@value #ATTEMPTS} times at most; any other
     * failure, or the last lost one, is thrown as it is.
     */
    static <T> T rerunWhileLost(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !isLost(failure) || !pauseAfter(attempt)) {
                    throw failure;
                }
            }
        }
    }

    /**
     * Waits a random time below 2 ms doubled with each attempt (50 ms at most) before the next one.
     *
     * @return false when interrupted (the flag is kept): the caller gives up
     */
    static boolean pauseAfter(int attempt) {
        long bound = Math.min(LONGEST_PAUSE_MICROS, FIRST_PAUSE_MICROS << Math.min(attempt - 1, 16));
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(bound));
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a caller is told when its transaction lost every time, or its race was lost every time. */
    static Conflict tooManyConcurrentChanges() {
        return new Conflict("too many concurrent changes to the same data; try again");
    }
}
