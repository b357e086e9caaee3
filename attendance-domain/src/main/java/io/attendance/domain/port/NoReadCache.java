package io.attendance.domain.port;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read cache of a service that has none: every lookup misses, a fill keeps nothing, and no miss
 * shares its slot with another, so every read goes to the system of record and concurrent reads do
 * not wait for each other.
 */
final class NoReadCache implements ReadCache {
    static final NoReadCache INSTANCE = new NoReadCache();

    private NoReadCache() {
    }

    @Override
    public <V> Cached<V> lookup(CacheKey<V> key) {
        return (Cached.Miss<V>) value -> {
        };
    }

    @Override
    public void employeeChanged(EmployeeId employeeId) {
        // nothing is kept, so nothing can be stale
    }

    /** Asks nothing: with nothing kept there is nothing to catch up on. */
    @Override
    public void catchUp(Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> changesAfter) {
    }
}
