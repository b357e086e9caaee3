package io.attendance.application.access;

import io.attendance.application.reading.PrefetchedLookups;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import java.time.Clock;
import java.util.Optional;

/**
 * Whose a sign-in session's token is ({@link SignInService} opens them): valid until the user signs
 * out, stays idle too long, reaches the session's lifetime, or their credentials change (deletion, a
 * new password).
 */
public final class SessionService {
    private final SessionStore sessions;
    private final RevokedSessions revoked;
    private final PrefetchedLookups prefetched;
    private final SignInPolicy policy;
    private final Clock clock;

    public SessionService(Transactions transactions, Users users, SessionStore sessions, PrefetchedLookups prefetched,
            SignInPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.revoked = new RevokedSessions(transactions, users, clock, policy);
        this.prefetched = prefetched;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Who the session of this token belongs to; a use that keeps it open for another idle period.
     *
     * @throws Unauthenticated when the token is not one of an open session, or its user's credentials
     *     changed since it was opened
     * @throws io.attendance.domain.error.Unavailable when the session store cannot be reached, or the
     *     credentials changed lately cannot be read
     */
    public Principal principalOf(String token) {
        return principalOf(token, Optional.empty());
    }

    /**
     * {@link #principalOf(String)}, and the lookup of the cache entry the request reads first made in
     * the same exchange with the session store, where it can: held for this request's use case
     * ({@link PrefetchedLookups}) once the caller is known, so that the use case's read costs no round
     * trip of its own. Nothing is held for a token that proves nothing.
     */
    public Principal principalOf(String token, Optional<CacheKey<?>> readFirst) {
        SecretToken presented = SecretToken.presented(token).orElseThrow(SessionService::ended);
        if (readFirst.isPresent()) {
            return usedWithLookup(presented, readFirst.get()).principal();
        }
        return current(presented, sessions.use(presented.digest(), policy.idle(), clock.instant())).principal();
    }

    private <V> Session usedWithLookup(SecretToken presented, CacheKey<V> key) {
        SessionStore.SessionUse<V> use = sessions.useAndLookUp(presented.digest(), policy.idle(), clock.instant(), key);
        Session session = current(presented, use.session());
        use.lookup().ifPresent(lookup -> prefetched.hold(key, lookup));
        return session;
    }

    /**
     * The session the store found, unless there is none or its user's credentials changed since it
     * was opened: then it is refused, and tidied away from the store when the store answers.
     */
    private Session current(SecretToken presented, Optional<Session> found) {
        Session session = found.orElseThrow(SessionService::ended);
        if (revoked.revoked(session)) {
            closeIfReachable(presented.digest());
            throw ended();
        }
        return session;
    }

    /** Tidies a revoked session away; refused on every check all the same, so a store that fails now changes nothing. */
    private void closeIfReachable(String tokenDigest) {
        try {
            sessions.close(tokenDigest);
        } catch (Unavailable storeDown) {
            // its key idles out by itself
        }
    }

    private static Unauthenticated ended() {
        return new Unauthenticated("the session has ended or never existed; sign in again");
    }
}
