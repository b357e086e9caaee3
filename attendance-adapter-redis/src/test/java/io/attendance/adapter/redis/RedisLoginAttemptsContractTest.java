package io.attendance.adapter.redis;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.LoginAttemptsContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

class RedisLoginAttemptsContractTest extends LoginAttemptsContract {
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
    protected LoginAttempts emptyAttempts() {
        TestRedis.flush(url);
        return new RedisLoginAttempts(client);
    }

    @Override
    protected void pass(Duration time) {
        Attendances.sleep(time);
    }
}
