package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

class LazyRedisClientTest {
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void aClientThatCannotBeBuiltFailsItsCallsAtOnceForASecondAndIsBuiltOnceItCanBe() {
        UnifiedJedis built = RedisStore.newClient(RedisUrl.parse("redis://127.0.0.1:" + Attendances.closedPort()),
                Duration.ofSeconds(1), 1);
        try (LazyRedisClient client = new LazyRedisClient(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new JedisConnectionException("nobody answers");
            }
            return built;
        })) {
            assertThatThrownBy(client::get).isInstanceOf(JedisConnectionException.class).hasMessage("nobody answers");
            assertThatThrownBy(client::get).isInstanceOf(JedisConnectionException.class)
                    .hasMessageContaining("moments ago");
            assertThat(builds).as("not built again within the second").hasValue(1);

            Attendances.eventually(() -> {
                try {
                    return client.get() == built;
                } catch (JedisException stillWaiting) {
                    return false;
                }
            });
            assertThat(client.get()).isSameAs(built);
            assertThat(builds).hasValue(2);
        }
    }
}
