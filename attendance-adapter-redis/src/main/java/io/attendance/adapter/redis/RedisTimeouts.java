package io.attendance.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the service waits on Redis, for each of its two uses. Each bounds every wait of one call:
 * for a pooled connection, for a new connection to open and for each reply.
 *
 * @param cache  for the read cache, which answers from PostgreSQL when Redis is slow: short, so that
 *               a slow Redis costs a request little more than a miss (default 50 ms)
 * @param access for sessions, sign-in counts and the health check, which cannot be answered without
 *               Redis: long enough that a busy Redis does not sign anyone out or fail a sign-in
 *               (default 500 ms)
 */
public record RedisTimeouts(Duration cache, Duration access) {
    public static final Duration MAX = Duration.ofSeconds(60);
    public static final RedisTimeouts DEFAULT = new RedisTimeouts(Duration.ofMillis(50), Duration.ofMillis(500));

    /** @throws IllegalArgumentException when one is not between 1 ms and 60 s */
    public RedisTimeouts {
        check("cache", cache);
        check("access", access);
    }

    private static void check(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.toMillis() < 1 || timeout.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("the Redis " + name + " timeout is between 1 ms and 60 s, was " + timeout);
        }
    }
}
