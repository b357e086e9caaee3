package io.attendance.adapter.redis;

import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.ReadCacheContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisReadCacheContractTest extends ReadCacheContract {
    private static String url;
    private static RedisStore store;

    @BeforeAll
    static void connect() {
        url = TestRedis.emptyDatabaseUrl();
        store = TestRedis.store(url, Duration.ofSeconds(60), new SimpleMeterRegistry());
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @Override
    protected ReadCache emptyCache() {
        TestRedis.flush(url);
        return store.readCache();
    }
}
