package io.attendance.adapter.redis;

import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;

/**
 * The service's connection to Redis and the ports built on it: what bootstrap wires. Connecting
 * never fails because Redis is down (connections are opened on demand, so the service starts and
 * serves from the system of record, and picks Redis up when it comes back); only a malformed URL is
 * refused.
 */
public final class RedisStore implements AutoCloseable {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
    static final int MAX_CONNECTIONS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

    private final RedisUrl url;
    private final RedisClient client;
    private final RedisReadCache readCache;
    private final RedisHealthProbe healthProbe;
    private final RedisSessionStore sessionStore;
    private final RedisLoginAttempts loginAttempts;

    private RedisStore(RedisUrl url, RedisClient client, RedisReadCache readCache) {
        this.url = url;
        this.client = client;
        this.readCache = readCache;
        this.healthProbe = new RedisHealthProbe(client);
        this.sessionStore = new RedisSessionStore(client);
        this.loginAttempts = new RedisLoginAttempts(client);
    }

    /**
     * @param redisUrl {@code redis://[[user]:password@]host:port[/db]} ({@code rediss://} for TLS)
     * @param entryTtl how long a cached value lives at most, such as 60 s
     * @param registry where the {@code cache.*} meters go
     * @throws IllegalArgumentException when the URL or the ttl is malformed, never when Redis is down
     */
    public static RedisStore connect(String redisUrl, Duration entryTtl, MeterRegistry registry) {
        return connect(RedisUrl.parse(redisUrl), entryTtl, registry, DEFAULT_TIMEOUT, RedisFaults.DEFAULT_PAUSE);
    }

    /**
     * Reads a Redis URL as {@link #connect} does, without connecting: lets configuration refuse a bad
     * one before anything starts.
     *
     * @throws IllegalArgumentException saying what is wrong; the message never holds the password
     */
    public static void checkUrl(String redisUrl) {
        RedisUrl.parse(redisUrl);
    }

    static RedisStore connect(RedisUrl url, Duration entryTtl, MeterRegistry registry, Duration timeout,
                              Duration pauseAfterFault) {
        Objects.requireNonNull(registry, "registry");
        RedisClient client = newClient(url, timeout);
        try {
            RedisStore store = new RedisStore(url, client,
                    new RedisReadCache(client, entryTtl, registry, pauseAfterFault));
            if (store.healthProbe.isUp()) {
                LOG.info("Redis cache at {}, entries live {}", url, entryTtl);
            } else {
                LOG.warn("Redis cache at {} is not reachable now; answering from the system of record until it is",
                        url);
            }
            return store;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * A pooled client whose every wait (connect, read, borrowing a connection) is bounded by
     * {@code timeout}. Connections open on demand: building it needs no reachable server.
     */
    static RedisClient newClient(RedisUrl url, Duration timeout) {
        int timeoutMillis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(url.database())
                .clientName("attendance-api");
        if (url.tls()) {
            config.sslOptions(SslOptions.defaults());
        }
        if (url.user() != null) {
            config.user(url.user());
        }
        if (url.password() != null) {
            config.password(url.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        return RedisClient.builder()
                .hostAndPort(url.host(), url.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    public ReadCache readCache() {
        return readCache;
    }

    /** Sessions on this connection; every fault is thrown, never answered from elsewhere. */
    public SessionStore sessionStore() {
        return sessionStore;
    }

    /** Sign-in counts on this connection; every fault is thrown. */
    public LoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public HealthProbe healthProbe() {
        return healthProbe;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "RedisStore[" + url + "]";
    }
}
