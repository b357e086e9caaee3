package io.attendance.adapter.redis;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The {@link SessionStore} in Redis, shared by every instance. A session is the hash
 * {@code att:{att}:session:<token digest>} with the fields {@code username}, {@code roles} (names, comma
 * separated), {@code employeeId} (absent when none), {@code createdAt} and {@code expiresAt}
 * (ISO-8601, to the nanosecond), {@code expiresAtMillis} (the absolute end for the scripts) and
 * {@code credentialsVersion} (the number of the user's credentials it was opened under); its
 * ttl is the idle time, never past the absolute end, and each use re-arms it. The digests of a
 * user's sessions are kept in the sorted set {@code att:{att}:user-sessions:<username>}, so that all of
 * them can be ended at once. Each operation is one script ({@link AccessScripts}; ending all of a
 * user's sessions reads their set first); every fault is
 * thrown as {@link io.attendance.domain.error.Unavailable}, since a session that cannot be checked is not trusted.
 */
public final class RedisSessionStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    /** Sessions ended per script call: each is one key and one argument of it. */
    static final int CLOSE_BATCH = 1_000;
    private static final int MAX_CLOSE_ROUNDS = 100;

    private final Supplier<UnifiedJedis> redis;
    /** The read cache in the same Redis, whose lookups {@link #useAndLookUp} makes in a session check's round trip. */
    private final Optional<RedisReadCache> cache;
    /** The time {@link #open} measures the time left to a session's absolute end against. */
    private final Clock clock = Clock.systemUTC();

    /** @param redis a pooled client with bounded timeouts, built when first asked for (see {@link RedisStore}) */
    public RedisSessionStore(Supplier<UnifiedJedis> redis) {
        this(redis, Optional.empty());
    }

    RedisSessionStore(Supplier<UnifiedJedis> redis, Optional<RedisReadCache> cache) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void open(String tokenDigest, Session session, Duration idle) {
        String key = AccessKeys.session(tokenDigest);
        Objects.requireNonNull(session, "session");
        long nowMillis = clock.millis();
        long endMillis = session.expiresAt().toEpochMilli();
        long leftMillis = endMillis - nowMillis;
        long ttlMillis = Math.min(idleMillis(idle), leftMillis);
        if (ttlMillis <= 0) {
            // already over: nothing to keep, and nothing may stay under that digest
            close(tokenDigest);
            return;
        }
        List<String> args = new ArrayList<>(List.of(Long.toString(ttlMillis), Long.toString(leftMillis), tokenDigest,
                Long.toString(endMillis), Long.toString(nowMillis)));
        fields(session).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        RedisFaults.orUnavailable("session store", () -> AccessScripts.OPEN.run(redis.get(),
                List.of(key, AccessKeys.userSessions(session.username())), args));
    }

    @Override
    public Optional<Session> use(String tokenDigest, Duration idle, Instant now) {
        String key = AccessKeys.session(tokenDigest);
        Objects.requireNonNull(now, "now");
        Object reply = RedisFaults.orUnavailable("session store", () -> AccessScripts.USE.run(redis.get(), List.of(key),
                List.of(Long.toString(idleMillis(idle)), Long.toString(now.toEpochMilli()))));
        return sessionOf(tokenDigest, reply);
    }

    /**
     * One script, {@link AccessScripts#USE_AND_LOOKUP}, on this store's connection and timeouts: the
     * session cannot be answered without Redis, so the lookup waits for Redis as long as it does. A
     * cache that asks Redis nothing now makes it the plain {@link #use}.
     */
    @Override
    public <V> SessionUse<V> useAndLookUp(String tokenDigest, Duration idle, Instant now, CacheKey<V> key) {
        Optional<RedisReadCache.Lookup<V>> lookup = cache.flatMap(readCache -> readCache.prepared(key));
        if (lookup.isEmpty()) {
            return new SessionUse<>(use(tokenDigest, idle, now), Optional.empty());
        }
        List<String> keys = new ArrayList<>(List.of(AccessKeys.session(tokenDigest)));
        keys.addAll(lookup.get().keys());
        List<String> args = new ArrayList<>(List.of(Long.toString(idleMillis(idle)), Long.toString(now.toEpochMilli())));
        args.addAll(lookup.get().arguments());
        Object reply = RedisFaults.orUnavailable("session store",
                () -> AccessScripts.USE_AND_LOOKUP.run(redis.get(), keys, args));
        if (reply == null) {
            return new SessionUse<>(Optional.empty(), Optional.empty());
        }
        List<?> both = (List<?>) reply;
        return new SessionUse<>(sessionOf(tokenDigest, both.get(0)), Optional.of(lookup.get().answer(both.get(1))));
    }

    /** The session of a script's flat field-value list; empty for none, or one that cannot be read. */
    private static Optional<Session> sessionOf(String tokenDigest, Object reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        List<?> flat = (List<?>) reply;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(utf8(flat.get(i)), utf8(flat.get(i + 1)));
        }
        try {
            return Optional.of(session(fields));
        } catch (RuntimeException unreadable) {
            LOG.warn("Session {}... in Redis is unreadable; treated as not open: {}",
                    tokenDigest.substring(0, Math.min(8, tokenDigest.length())), unreadable.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close(String tokenDigest) {
        String key = AccessKeys.session(tokenDigest);
        RedisFaults.orUnavailable("session store", () -> {
            Object stored = AccessScripts.CLOSE.run(redis.get(), List.of(key), List.of());
            // a digest left in the set names a key that no longer exists: harmless, and pruned once
            // past its absolute end, so an unreadable username only skips this tidying
            usernameOf(stored).ifPresent(username -> redis.get().zrem(AccessKeys.userSessions(username), tokenDigest));
            return stored;
        });
    }

    /**
     * Reads the user's set and ends the sessions it names, a batch at a time, until the set is
     * empty: a script may only touch keys it is given, so the set is read first. Sessions opened
     * meanwhile are in the set and end too.
     */
    @Override
    public void closeAllOf(Username username) {
        String userSessions = AccessKeys.userSessions(username);
        RedisFaults.orUnavailable("session store", () -> {
            for (int round = 0; round < MAX_CLOSE_ROUNDS; round++) {
                List<String> digests = redis.get().zrange(userSessions, 0, CLOSE_BATCH - 1);
                List<String> keys = new ArrayList<>(digests.size() + 1);
                keys.add(userSessions);
                digests.forEach(digest -> keys.add(AccessKeys.session(digest)));
                if ((Long) AccessScripts.CLOSE_SOME.run(redis.get(), keys, digests) == 0) {
                    return null;
                }
            }
            throw new JedisException("sessions of " + username.value() + " are opened faster than they end");
        });
    }

    private static Optional<Username> usernameOf(Object stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Username(utf8(stored)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static Map<String, String> fields(Session session) {
        Map<String, String> fields = new HashMap<>();
        fields.put("username", session.username().value());
        fields.put("roles", session.grant().roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        session.grant().employeeId().ifPresent(id -> fields.put("employeeId", id.value()));
        fields.put("createdAt", session.createdAt().toString());
        fields.put("expiresAt", session.expiresAt().toString());
        fields.put("expiresAtMillis", Long.toString(session.expiresAt().toEpochMilli()));
        fields.put("credentialsVersion", Long.toString(session.credentialsVersion()));
        return fields;
    }

    /** The session the fields hold; throws when one is missing or breaks a domain rule. */
    static Session session(Map<String, String> fields) {
        Set<Role> roles = Arrays.stream(required(fields, "roles").split(","))
                .map(Role::valueOf)
                .collect(Collectors.toSet());
        Grant grant = new Grant(roles, Optional.ofNullable(fields.get("employeeId")).map(EmployeeId::new));
        return new Session(new Username(required(fields, "username")), grant,
                IsoText.instant(required(fields, "createdAt")), IsoText.instant(required(fields, "expiresAt")),
                Long.parseLong(required(fields, "credentialsVersion")));
    }

    private static String required(Map<String, String> fields, String field) {
        return Objects.requireNonNull(fields.get(field), () -> "no " + field);
    }

    private static long idleMillis(Duration idle) {
        Objects.requireNonNull(idle, "idle");
        if (idle.toMillis() < 1) {
            throw new IllegalArgumentException("the idle time must be at least 1 ms, was " + idle);
        }
        return idle.toMillis();
    }

    private static String utf8(Object bulk) {
        return new String((byte[]) bulk, StandardCharsets.UTF_8);
    }
}
