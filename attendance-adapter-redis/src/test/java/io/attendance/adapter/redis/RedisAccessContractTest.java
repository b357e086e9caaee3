package io.attendance.adapter.redis;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.LoginAttemptsContract;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import redis.clients.jedis.RedisClient;

/** The session store and the sign-in counts against their contracts, on real Redis and real time. */
class RedisAccessContractTest {
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

    private static RedisClient emptied() {
        TestRedis.flush(url);
        return client;
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore emptyStore() {
            return new RedisSessionStore(emptied());
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

    @Nested
    class Attempts extends LoginAttemptsContract {
        @Override
        protected LoginAttempts emptyAttempts() {
            return new RedisLoginAttempts(emptied());
        }

        @Override
        protected void pass(Duration time) {
            Attendances.sleep(time);
        }
    }
}
