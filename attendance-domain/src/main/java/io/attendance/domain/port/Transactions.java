package io.attendance.domain.port;

import java.util.function.Supplier;

/**
 * Units of work: every port call made inside {@code work} on this thread commits or rolls back
 * together, so a read-modify-write is atomic. A domain exception thrown by {@code work} rolls back
 * and propagates unchanged. A unit of work the database aborts because it lost to concurrent ones
 * (a deadlock, a serialization failure) may run {@code work} again from its start, a few times,
 * before it ends as a {@link io.attendance.domain.error.Conflict}: {@code work} must have no effect
 * but through the ports.
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
