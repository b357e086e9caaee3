package io.attendance.domain.port;

import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed-in sessions, shared by every instance, keyed by the digest of their token (never the
 * token). A session lapses after {@code idle} without use and at its absolute {@code expiresAt}
 * whatever the use. Every method throws {@link io.attendance.domain.error.Unavailable} when the store
 * cannot be reached: a session that cannot be checked is not trusted.
 */
public interface SessionStore {

    /** Keeps {@code session} under {@code tokenDigest} until it idles for {@code idle} or expires. */
    void open(String tokenDigest, Session session, Duration idle);

    /**
     * The session, if it is still open at {@code now}; a use, which keeps it open for another
     * {@code idle} (never past its {@code expiresAt}).
     */
    Optional<Session> use(String tokenDigest, Duration idle, Instant now);

    /**
     * {@link #use}, and the lookup of {@code key} in the read cache in the same exchange, where this
     * store holds the cache too: one round trip instead of two for a request whose first read is
     * cached. The lookup is made only for an open session, as {@link ReadCache#lookup} makes it; by
     * default none is made and the caller looks the key up itself.
     */
    default <V> SessionUse<V> useAndLookUp(String tokenDigest, Duration idle, Instant now, CacheKey<V> key) {
        return new SessionUse<>(use(tokenDigest, idle, now), Optional.empty());
    }

    /** The session, if open, and the lookup made with it, if one was. */
    record SessionUse<V>(Optional<Session> session, Optional<Cached<V>> lookup) {
        public SessionUse {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(lookup, "lookup");
        }
    }

    /** Ends the session at once, for every instance; nothing happens when it is not open. */
    void close(String tokenDigest);

    /** Ends every session of the user at once, for every instance. */
    void closeAllOf(Username username);
}
