package io.attendance.testing;

import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A process-local {@link SessionStore} on a clock the test controls: a session lapses when the clock
 * passes its idle deadline (set at {@link #open}, moved on by each {@link #use}, never past
 * {@code expiresAt}), and {@link #use} refuses it from its {@code expiresAt} on, as the Redis store does.
 */
public final class InMemorySessionStore implements SessionStore {
    private record Open(Session session, Instant idleDeadline) {
    }

    private final Supplier<Instant> clock;
    private final Map<String, Open> sessions = new ConcurrentHashMap<>();

    /** @param clock the time idle deadlines are measured against; a test moves it to let sessions idle out */
    public InMemorySessionStore(Supplier<Instant> clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void open(String tokenDigest, Session session, Duration idle) {
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(session, "session");
        Instant deadline = idleDeadline(session, idle, clock.get());
        if (deadline.isAfter(clock.get())) {
            sessions.put(tokenDigest, new Open(session, deadline));
        } else {
            sessions.remove(tokenDigest);
        }
    }

    @Override
    public Optional<Session> use(String tokenDigest, Duration idle, Instant now) {
        Instant time = clock.get();
        Open used = sessions.computeIfPresent(tokenDigest, (digest, open) ->
                time.isBefore(open.idleDeadline()) && now.isBefore(open.session().expiresAt())
                        ? new Open(open.session(), idleDeadline(open.session(), idle, time))
                        : null);
        return Optional.ofNullable(used).map(Open::session);
    }

    @Override
    public void close(String tokenDigest) {
        sessions.remove(tokenDigest);
    }

    @Override
    public void closeAllOf(Username username) {
        sessions.values().removeIf(open -> open.session().username().equals(username));
    }

    /** The keys sessions are stored under: what a test checks against the tokens handed out. */
    public Set<String> digests() {
        return Set.copyOf(sessions.keySet());
    }

    private static Instant idleDeadline(Session session, Duration idle, Instant now) {
        Instant idleEnd = now.plus(idle);
        return idleEnd.isBefore(session.expiresAt()) ? idleEnd : session.expiresAt();
    }
}
