package io.attendance.domain.port;

import java.util.function.Supplier;

/**
 * Units of work: every port call made inside {@code work} on this thread commits or rolls back
 * together, so a read-modify-write is atomic. A domain exception thrown by {@code work} rolls back
 * and propagates unchanged.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
