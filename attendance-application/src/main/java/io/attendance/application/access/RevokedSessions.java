package io.attendance.application.access;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This instance's view of the credentials that changed lately (users deleted, new passwords), read
 * from the system of record, so that a session opened before such a change is refused on every
 * instance, whatever the session store did when the change was made: the user's sessions may have
 * been ended there, or not (the store did not answer, or lost the change since).
 *
 * <p>A session check uses the view while it is at most the revocation lag old; the first check that
 * finds it older reads it again, and the checks meanwhile wait for that read. A read that fails is
 * not tried again within the lag: the checks fail at once meanwhile, rather than each waiting on an
 * unreachable store.
 */
final class RevokedSessions {
    /** How much further back than a session's lifetime the view reaches: the instances' clocks may differ. */
    static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private final Transactions transactions;
    private final Users users;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration lookBack;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile View view;
    /** Guarded by {@link #reading}: the last read, when it failed. */
    private Failure lastFailure;

    RevokedSessions(Transactions transactions, Users users, Clock clock, SignInPolicy policy) {
        this.transactions = transactions;
        this.users = users;
        this.clock = clock;
        this.maxAge = policy.revocationLag();
        this.lookBack = policy.lifetime().plus(CLOCK_MARGIN);
    }

    /**
     * Whether the session's user has changed credentials since it was opened.
     *
     * @throws Unavailable when the view is older than the lag and the system of record cannot be read
     */
    boolean revoked(Session session) {
        Long current = currentView().versions().get(session.username());
        return current != null && current > session.credentialsVersion();
    }

    private View currentView() {
        View seen = view;
        if (seen != null && isRecent(seen.readAt())) {
            return seen;
        }
        reading.lock();
        try {
            if (view != null && isRecent(view.readAt())) {
                return view; // read by another check while this one waited
            }
            if (lastFailure != null && isRecent(lastFailure.at())) {
                throw new Unavailable("the sessions' revocations could not be read lately", lastFailure.cause());
            }
            Instant readAt = clock.instant();
            try {
                view = new View(Map.copyOf(transactions.inTransaction(
                        () -> users.credentialsChangedSince(readAt.minus(lookBack)))), readAt);
            } catch (Unavailable unreachable) {
                lastFailure = new Failure(readAt, unreachable);
                throw unreachable;
            }
            lastFailure = null;
            return view;
        } finally {
            reading.unlock();
        }
    }

    /** Whether {@code instant} lies within the lag before now; a clock set back counts as not recent. */
    private boolean isRecent(Instant instant) {
        Instant now = clock.instant();
        return !now.isBefore(instant) && Duration.between(instant, now).compareTo(maxAge) <= 0;
    }

    /** The credentials version of every user whose credentials changed within the look-back, as read at {@code readAt}. */
    private record View(Map<Username, Long> versions, Instant readAt) {
    }

    private record Failure(Instant at, Unavailable cause) {
    }
}
