package io.attendance.adapter.redis;

import io.attendance.domain.port.ReadCache;
import io.attendance.testing.contract.ReadCacheContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on an emptied Redis database, through a new instance each time: an instance that
 * caught up remembers the position Redis must hold, and a flush is Redis losing it.
 */
class RedisReadCacheContractTest extends ReadCacheContract {
    private static String url;
    private RedisStore store;

    @BeforeAll
    static void chooseDatabase() {
        url = TestRedis.emptyDatabaseUrl();
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Override
    protected ReadCache emptyCache() {
        TestRedis.flush(url);
        store = TestRedis.store(url, Duration.ofSeconds(60), new SimpleMeterRegistry());
        return store.readCache();
    }
}
