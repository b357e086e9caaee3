package io.attendance.bootstrap;

import io.attendance.embedded.EmbeddedPostgresServer;
import io.attendance.embedded.EmbeddedRedisServer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves where PostgreSQL and Redis are: the servers the operator configured, or embedded ones
 * started here with their data under the data directory, so that a developer needs nothing but a JDK.
 */
final class EmbeddedServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AttendanceConfig.Database database;
    private final String redisUrl;

    private EmbeddedServices(AttendanceConfig config, boolean needsRedis) {
        try {
            database = config.database().orElseGet(() -> startPostgres(config.dataDirectory().resolve("postgres")));
            redisUrl = !needsRedis ? null
                    : config.redisUrl().orElseGet(() -> startRedis(config.dataDirectory().resolve("redis")));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Both servers: what {@code serve} needs. */
    static EmbeddedServices forService(AttendanceConfig config) {
        return new EmbeddedServices(config, true);
    }

    /** The database only: what the migration commands need. */
    static EmbeddedServices forMigrations(AttendanceConfig config) {
        return new EmbeddedServices(config, false);
    }

    AttendanceConfig.Database database() {
        return database;
    }

    String redisUrl() {
        return redisUrl;
    }

    private AttendanceConfig.Database startPostgres(Path directory) {
        log.warn("EMBEDDED MODE: ATTENDANCE_DB_URL is not set, starting an embedded PostgreSQL with its data in {}",
                directory);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory);
        server.stopOnlyWhenClosed(); // after HTTP has finished its requests: see close()
        started.push(server);
        return new AttendanceConfig.Database(server.jdbcUrl(), server.user(), server.password());
    }

    private String startRedis(Path directory) {
        log.warn("EMBEDDED MODE: ATTENDANCE_REDIS_URL is not set, starting an embedded Redis with its data in {}",
                directory);
        EmbeddedRedisServer server = EmbeddedRedisServer.start(directory);
        server.stopOnlyWhenClosed(); // after HTTP has finished its requests, sign-ins and sessions included
        started.push(server);
        return server.url();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.error("could not stop an embedded server cleanly", e);
            }
        }
    }
}
