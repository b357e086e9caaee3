package io.attendance.adapter.redis;

import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

class RedisSessionStoreContractTest extends SessionStoreContract {
    private static String url;
    private static RedisClient client;

    @BeforeAll
    static void connect() {
        url = TestRedis.emptyDatabaseUrl();
        client = TestRedis.client(url);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected SessionStore emptyStore() {
        TestRedis.flush(url);
        return new RedisSessionStore(client);
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }

    @Override
    protected void pass(Duration time) {
        Attendances.sleep(time);
    }
}
