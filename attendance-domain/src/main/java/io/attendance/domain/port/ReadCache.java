package io.attendance.domain.port;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers to frequent reads, kept so the system of record is not asked again; what can be cached is
 * declared in {@link CachedReads}. The cache is an optimisation only: an implementation never throws
 * to its caller (a fault is a miss, and a failed fill or invalidation is logged and counted), entries
 * expire on their own, and empty answers are cached too. A cache may hand the same instance to many
 * hits, the very one it was filled with included: callers never mutate a value they got or filled.
 */
public interface ReadCache {

    /**
     * No cache at all: every lookup misses and a fill keeps nothing, so every read goes to the system
     * of record. For a service that runs without a cache, and for tests that want no caching.
     */
    static ReadCache none() {
        return NoReadCache.INSTANCE;
    }

    /** The entry of that key: a hit with its value, or a miss to fill once the answer is read. */
    <V> Cached<V> lookup(CacheKey<V> key);

    /**
     * Called after a change to the employee or to any of their records has committed: no lookup
     * that starts after this returns makes an answer from before the change visible, neither the
     * employee's entries nor any listing.
     */
    void employeeChanged(EmployeeId employeeId);

    /** {@link #employeeChanged} for each of them; an implementation may tell them all at once. */
    default void employeesChanged(Collection<EmployeeId> employeeIds) {
        employeeIds.forEach(this::employeeChanged);
    }

    /**
     * Takes in the changes committed in the system of record since the position in its
     * {@link ChangeFeed} the cache stands at, so that no entry outlives a change whose
     * {@link #employeeChanged} never arrived (a writer that could not reach the cache, or stopped
     * between its commit and the call) or that the cache lost since (a restart from older data).
     * {@code changesAfter} is asked what changed after that position, empty when the cache knows
     * none; its exceptions reach the caller. Run periodically by every instance: how often bounds how
     * long such an entry can be served.
     */
    void catchUp(Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> changesAfter);
}
