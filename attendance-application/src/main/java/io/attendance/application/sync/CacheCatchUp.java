package io.attendance.application.sync;

import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ReadCache;

/**
 * Brings the read cache up to date with the changes committed in the system of record, those whose
 * invalidation never reached it included. Every instance runs it periodically: the period bounds how
 * long an instance can serve an entry that a lost invalidation should have ended.
 */
public final class CacheCatchUp implements Runnable {
    /**
     * More employees changed than this since the last catch-up, and the whole cache is dropped: they
     * are not worth naming one by one, a backlog that large being an outage's.
     */
    static final int MAX_NAMED = 10_000;

    private final ChangeFeed feed;
    private final ReadCache cache;

    public CacheCatchUp(ChangeFeed feed, ReadCache cache) {
        this.feed = feed;
        this.cache = cache;
    }

    /**
     * One catch-up. A cache that knows no position (a first start, or Redis lost it) counts everyone
     * as changed up to the feed's horizon.
     *
     * @throws io.attendance.domain.error.Unavailable when the system of record cannot be read
     */
    @Override
    public void run() {
        cache.catchUp(after -> after.map(position -> feed.employeesChangedAfter(position, MAX_NAMED))
                .orElseGet(() -> ChangeFeed.ChangedEmployees.everyoneUpTo(feed.horizon())));
    }
}
