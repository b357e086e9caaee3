package io.attendance.adapter.redis;

import io.attendance.domain.port.HealthProbe;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/** Redis is up when it answers PING within the client's (short) timeouts. Never throws. */
public final class RedisHealthProbe implements HealthProbe {
    private static final Logger LOG = LoggerFactory.getLogger(RedisHealthProbe.class);

    private final Supplier<UnifiedJedis> redis;

    public RedisHealthProbe(Supplier<UnifiedJedis> redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public boolean isUp() {
        try {
            return "PONG".equalsIgnoreCase(redis.get().ping());
        } catch (RuntimeException down) {
            LOG.debug("Redis does not answer PING: {}", down.toString());
            return false;
        }
    }
}
