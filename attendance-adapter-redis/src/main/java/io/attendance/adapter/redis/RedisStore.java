package io.attendance.adapter.redis;

import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * The service's connection to Redis and the ports built on it: what bootstrap wires. Connecting
 * never fails because Redis is down (clients are built and connections opened on demand, so the
 * service starts and serves from the system of record, and picks Redis up when it comes back); only
 * a malformed URL is refused.
 *
 * <p>The cache and the access ports (sessions, sign-in counts, the health check) have a client
 * each, with timeouts of their own ({@link RedisTimeouts}): the cache's are short, since it answers
 * from PostgreSQL without Redis, and a slow Redis must not hold the access ports' connections either.
 */
public final class RedisStore implements AutoCloseable {
    static final int MAX_CACHE_CONNECTIONS = 32;
    static final int MAX_ACCESS_CONNECTIONS = 16;
    /** A cluster call follows MOVED and ASK redirects and retries a failed node, all within its timeout. */
    private static final int MAX_CLUSTER_ATTEMPTS = 3;
    private static final String CLIENT_NAME = "attendance-api";
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

    private final RedisUrl url;
    private final LazyRedisClient cacheClient;
    private final LazyRedisClient accessClient;
    private final RedisReadCache readCache;
    private final RedisHealthProbe healthProbe;
    private final RedisSessionStore sessionStore;
    private final RedisLoginAttempts loginAttempts;

    private RedisStore(RedisUrl url, LazyRedisClient cacheClient, LazyRedisClient accessClient,
                       RedisReadCache readCache) {
        this.url = url;
        this.cacheClient = cacheClient;
        this.accessClient = accessClient;
        this.readCache = readCache;
        this.healthProbe = new RedisHealthProbe(accessClient);
        this.sessionStore = new RedisSessionStore(accessClient, Optional.of(readCache));
        this.loginAttempts = new RedisLoginAttempts(accessClient);
    }

    /**
     * @param redisUrl a URL {@link #checkUrl} accepts
     * @param entryTtl how long a cached value lives at most, such as 60 s
     * @param registry where the {@code cache.*} meters go
     * @param timeouts how long the cache, and the other ports, wait on Redis
     * @throws IllegalArgumentException when the URL or the ttl is malformed, never when Redis is down
     */
    public static RedisStore connect(String redisUrl, Duration entryTtl, MeterRegistry registry, RedisTimeouts timeouts) {
        return connect(RedisUrl.parse(redisUrl), entryTtl, registry, timeouts, RedisFaults.DEFAULT_PAUSE);
    }

    /**
     * Reads a Redis URL as {@link #connect} does, without connecting: lets configuration refuse a bad
     * one before anything starts. One server is {@code redis://[[user]:password@]host[:port][/db]}
     * ({@code rediss://} for TLS), a cluster {@code redis-cluster://[[user]:password@]host:port,host:port}
     * and the master of Sentinels {@code redis-sentinel://[[user]:password@]host:port,host:port/master[/db]}.
     *
     * @throws IllegalArgumentException saying what is wrong; the message never holds the password
     */
    public static void checkUrl(String redisUrl) {
        RedisUrl.parse(redisUrl);
    }

    static RedisStore connect(RedisUrl url, Duration entryTtl, MeterRegistry registry, RedisTimeouts timeouts,
                              Duration pauseAfterFault) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(timeouts, "timeouts");
        LazyRedisClient cacheClient = new LazyRedisClient(() -> newClient(url, timeouts.cache(), MAX_CACHE_CONNECTIONS));
        LazyRedisClient accessClient = new LazyRedisClient(() -> newClient(url, timeouts.access(), MAX_ACCESS_CONNECTIONS));
        try {
            RedisStore store = new RedisStore(url, cacheClient, accessClient,
                    new RedisReadCache(cacheClient, entryTtl, registry, pauseAfterFault));
            if (store.healthProbe.isUp()) {
                LOG.info("Redis cache at {}, entries live {}", url, entryTtl);
            } else {
                LOG.warn("Redis cache at {} is not reachable now; answering from the system of record until it is",
                        url);
            }
            return store;
        } catch (RuntimeException e) {
            cacheClient.close();
            accessClient.close();
            throw e;
        }
    }

    /**
     * A pooled client of the URL's topology whose every wait (connect, read, borrowing a connection,
     * a cluster's redirects and retries) is bounded by {@code timeout}, with at most
     * {@code maxConnections} to each server. A client of one server connects on demand; a cluster or
     * Sentinel client asks its servers for the topology first and throws when none answers.
     */
    static UnifiedJedis newClient(RedisUrl url, Duration timeout, int maxConnections) {
        int timeoutMillis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(url.database())
                .clientName(CLIENT_NAME);
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
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        Set<HostAndPort> nodes = url.nodes().stream()
                .map(node -> new HostAndPort(node.host(), node.port()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return switch (url.topology()) {
            case STANDALONE -> RedisClient.builder()
                    .hostAndPort(nodes.iterator().next())
                    .clientConfig(config.build())
                    .poolConfig(pool)
                    .build();
            case CLUSTER -> RedisClusterClient.builder()
                    .nodes(nodes)
                    .clientConfig(config.build())
                    .poolConfig(pool)
                    .maxAttempts(MAX_CLUSTER_ATTEMPTS)
                    .maxTotalRetriesDuration(timeout)
                    .build();
            case SENTINEL -> {
                DefaultJedisClientConfig.Builder sentinelConfig = DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeoutMillis)
                        .socketTimeoutMillis(timeoutMillis)
                        .clientName(CLIENT_NAME);
                if (url.tls()) {
                    sentinelConfig.sslOptions(SslOptions.defaults());
                }
                yield RedisSentinelClient.builder()
                        .masterName(url.masterName())
                        .sentinels(nodes)
                        .clientConfig(config.build())
                        .sentinelClientConfig(sentinelConfig.build())
                        .poolConfig(pool)
                        .build();
            }
        };
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
        cacheClient.close();
        accessClient.close();
    }

    @Override
    public String toString() {
        return "RedisStore[" + url + "]";
    }
}
