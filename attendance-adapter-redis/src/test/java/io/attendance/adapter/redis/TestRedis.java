package io.attendance.adapter.redis;

import io.attendance.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis server of a test run, shared by every test of the JVM and started on first use:
 * <ol>
 *   <li>the server named by {@code ATTENDANCE_TEST_REDIS_URL}, when set;</li>
 *   <li>else a Testcontainers {@code redis:7-alpine} container, when a Docker engine answers;</li>
 *   <li>else an {@link EmbeddedRedisServer} with its data in a temporary directory (its binary in the
 *       user's private cache, which every test JVM shares).</li>
 * </ol>
 * Tests isolate themselves with {@link #emptyDatabaseUrl()}: a database index of their own, emptied.
 */
public final class TestRedis {
    public static final String URL_VARIABLE = "ATTENDANCE_TEST_REDIS_URL";
    /** Database indexes handed out in turn; Redis has 16 by default and index 0 stays for {@link #url()}. */
    private static final int FIRST_DATABASE = 1;
    private static final int DATABASES = 15;
    private static final RedisTimeouts PATIENT = new RedisTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);
    private static final AtomicInteger nextDatabase = new AtomicInteger();
    private static RedisUrl server;

    private TestRedis() {
    }

    /** The URL of the shared server (database 0, or the one {@code ATTENDANCE_TEST_REDIS_URL} names). */
    public static String url() {
        return server().toUrlString();
    }

    /**
     * The URL of a database of the shared server that nobody else in this JVM is using right now,
     * emptied just before it is returned. With {@code ATTENDANCE_TEST_REDIS_URL} naming a database
     * explicitly, that database every time (emptied too).
     */
    public static String emptyDatabaseUrl() {
        RedisUrl base = server();
        RedisUrl url = base.database() != 0
                ? base
                : base.withDatabase(FIRST_DATABASE + Math.floorMod(nextDatabase.getAndIncrement(), DATABASES));
        flush(url.toUrlString());
        return url.toUrlString();
    }

    /** Empties the database a URL names (FLUSHDB). */
    public static void flush(String url) {
        try (UnifiedJedis redis = client(url)) {
            redis.flushDB();
        }
    }

    /**
     * The service's connection to a test's database, with timeouts so patient that a busy machine
     * never turns a call into a fault (and so a hit a test expects into a miss): tests of what a
     * slow Redis costs set their own.
     */
    public static RedisStore store(String url, Duration entryTtl, MeterRegistry registry) {
        return RedisStore.connect(RedisUrl.parse(url), entryTtl, registry, PATIENT, RedisFaults.DEFAULT_PAUSE);
    }

    /** A plain client for looking at what a test left in Redis; the caller closes it. */
    public static UnifiedJedis client(String url) {
        return RedisStore.newClient(RedisUrl.parse(url), Duration.ofSeconds(5), 8);
    }

    private static synchronized RedisUrl server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static RedisUrl start() {
        String given = System.getenv(URL_VARIABLE);
        if (given != null && !given.isBlank()) {
            RedisUrl url = RedisUrl.parse(given);
            LOG.info("Tests use the Redis named by {}: {}", URL_VARIABLE, url);
            return url;
        }
        if (Containers.dockerAvailable()) {
            RedisUrl url = RedisUrl.parse(Containers.startRedis());
            LOG.info("Tests use Redis in a container: {}", url);
            return url;
        }
        return RedisUrl.parse(startEmbedded());
    }

    private static String startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("attendance-test-redis-");
            EmbeddedRedisServer embedded = EmbeddedRedisServer.start(directory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteFlatDirectory(directory);
            }, "test-redis-stop"));
            LOG.info("Tests use embedded Redis (no {} and no Docker): {}", URL_VARIABLE, embedded.address());
            return embedded.url();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redis keeps its files flat in its directory. */
    private static void deleteFlatDirectory(Path directory) {
        File[] files = directory.toFile().listFiles();
        for (File file : files == null ? new File[0] : files) {
            file.delete();
        }
        directory.toFile().delete();
    }

    /** Testcontainers, only loaded when used: a consumer without it on its classpath still gets the embedded server. */
    private static final class Containers {
        private static final String IMAGE = "redis:7-alpine";
        private static final int REDIS_PORT = 6379;

        static boolean dockerAvailable() {
            try {
                Class.forName("org.testcontainers.DockerClientFactory", false, TestRedis.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError noDocker) {
                return false;
            }
        }

        @SuppressWarnings("resource")
        static String startRedis() {
            org.testcontainers.containers.GenericContainer<?> container =
                    new org.testcontainers.containers.GenericContainer<>(
                            org.testcontainers.utility.DockerImageName.parse(IMAGE))
                            .withExposedPorts(REDIS_PORT);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-redis-container-stop"));
            return "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT);
        }
    }
}
