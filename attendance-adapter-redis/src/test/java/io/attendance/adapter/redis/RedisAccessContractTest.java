package io.attendance.adapter.redis;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.SessionStore;
import io.attendance.testing.contract.LoginAttemptsContract;
import io.attendance.testing.contract.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import redis.clients.jedis.UnifiedJedis;

/** The session store and the sign-in counts against their contracts, on real Redis and real time. */
class RedisAccessContractTest {
    private static String url;
    private static UnifiedJedis client;

    @BeforeAll
    static void connect() {
        url = TestRedis.emptyDatabaseUrl();
        client = TestRedis.client(url);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static UnifiedJedis emptied() {
        TestRedis.flush(url);
        return client;
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore emptyStore() {
            UnifiedJedis redis = emptied();
            return new RedisSessionStore(() -> redis);
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
            UnifiedJedis redis = emptied();
            return new RedisLoginAttempts(() -> redis);
        }

        @Override
        protected void pass(Duration time) {
            Attendances.sleep(time);
        }
    }
}
