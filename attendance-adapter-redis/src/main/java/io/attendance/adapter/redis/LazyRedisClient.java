package io.attendance.adapter.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis client built on first use. A cluster or Sentinel client asks its servers while it is built
 * (the cluster's slots, the Sentinels' master) and fails when none answers; built here, a Redis that
 * is down at start-up fails calls, as it would later, instead of the start. After a failed build,
 * calls fail at once for {@link #RETRY_AFTER} rather than each waiting on servers that just did not
 * answer.
 */
final class LazyRedisClient implements Supplier<UnifiedJedis>, AutoCloseable {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Supplier<UnifiedJedis> factory;
    private volatile UnifiedJedis client;
    private long retryAtNanos = System.nanoTime();
    private JedisException lastFailure;
    private boolean closed;

    LazyRedisClient(Supplier<UnifiedJedis> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** @throws JedisException when the client cannot be built now */
    @Override
    public UnifiedJedis get() {
        UnifiedJedis built = client;
        return built != null ? built : build();
    }

    private synchronized UnifiedJedis build() {
        if (client != null) {
            return client;
        }
        if (closed) {
            throw new JedisException("the Redis client is closed");
        }
        if (System.nanoTime() - retryAtNanos < 0) {
            throw new JedisConnectionException("Redis could not be reached moments ago", lastFailure);
        }
        try {
            client = factory.get();
            return client;
        } catch (JedisException unreachable) {
            lastFailure = unreachable;
            retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
            throw unreachable;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
