package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

class RedisHealthProbeTest {

    @Test
    void aServerThatAnswersIsUp() {
        try (RedisStore store = TestRedis.store(TestRedis.url(), Duration.ofSeconds(60), new SimpleMeterRegistry())) {
            assertThat(store.healthProbe().isUp()).isTrue();
        }
    }

    @Test
    void nothingListeningIsDownWithoutAnException() {
        String nowhere = "redis://127.0.0.1:" + Attendances.closedPort();
        try (RedisStore store = TestRedis.store(nowhere, Duration.ofSeconds(60), new SimpleMeterRegistry())) {
            assertThat(store.healthProbe().isUp()).isFalse();
        }
    }

    @Test
    void aPasswordInTheUrlIsUsedAndAWrongOneIsDown(@TempDir Path dataDirectory) {
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDirectory)) {
            try (UnifiedJedis redis = TestRedis.client(server.url())) {
                redis.configSet("requirepass", "s3cr@t");
            }
            String right = "redis://:s3cr%40t@127.0.0.1:" + server.port();
            String wrong = "redis://:wrong@127.0.0.1:" + server.port();

            try (RedisStore store = TestRedis.store(right, Duration.ofSeconds(60), new SimpleMeterRegistry())) {
                assertThat(store.healthProbe().isUp()).isTrue();
            }
            try (RedisStore store = TestRedis.store(wrong, Duration.ofSeconds(60), new SimpleMeterRegistry())) {
                assertThat(store.healthProbe().isUp()).isFalse();
            }
        }
    }
}
