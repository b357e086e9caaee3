package io.attendance.adapter.redis;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link LoginAttempts} as Redis counters shared by every instance: {@code att:{access}:login:user:<username>}
 * and {@code att:{access}:login:addr:<address>} ({@link AccessKeys} keeps an address safe in a key). A
 * counter's ttl is its window, set by its first attempt. Each call is one script
 * ({@link AccessScripts}); every fault is thrown as {@link io.attendance.domain.error.Unavailable}.
 */
public final class RedisLoginAttempts implements LoginAttempts {
    private final Supplier<UnifiedJedis> redis;

    /** @param redis a pooled client with bounded timeouts, built when first asked for (see {@link RedisStore}) */
    public RedisLoginAttempts(Supplier<UnifiedJedis> redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Tally attempt(Username username, String address, Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a window must be at least 1 ms, was " + window);
        }
        List<String> keys = List.of(AccessKeys.userAttempts(username), AccessKeys.addressAttempts(address));
        List<?> reply = (List<?>) RedisFaults.orUnavailable("session store", () ->
                AccessScripts.ATTEMPT.run(redis.get(), keys, List.of(Long.toString(window.toMillis()))));
        return new Tally(Math.toIntExact((Long) reply.get(0)), left(reply.get(1)),
                Math.toIntExact((Long) reply.get(2)), left(reply.get(3)));
    }

    @Override
    public void succeeded(Username username, String address) {
        List<String> keys = List.of(AccessKeys.userAttempts(username), AccessKeys.addressAttempts(address));
        RedisFaults.orUnavailable("session store", () -> AccessScripts.SUCCEEDED.run(redis.get(), keys, List.of()));
    }

    /** A PTTL: at least zero (a count that expired between the INCR and the PTTL has no window left). */
    private static Duration left(Object pttl) {
        return Duration.ofMillis(Math.max(0, (Long) pttl));
    }
}
