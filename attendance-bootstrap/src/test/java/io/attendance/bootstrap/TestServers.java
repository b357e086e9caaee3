package io.attendance.bootstrap;

import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.adapter.redis.TestRedis;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Settings that point a service at a brand-new database and an empty Redis database, with timeouts so
 * patient that a busy machine never turns a call into a fault: a cache hit a test expects into a miss,
 * a sign-in or a write into a 503. Tests of what a slow or absent server costs set their own.
 */
final class TestServers {
    private TestServers() {
    }

    static Map<String, String> freshEnvironment() {
        return environment(TestPostgres.freshDatabase());
    }

    /** A plain JDBC connection to the database of these settings, the service's schema its search path. */
    static Connection openConnection(Map<String, String> environment) throws SQLException {
        return new TestPostgres.TestDatabase(environment.get("ATTENDANCE_DB_URL"), environment.get("ATTENDANCE_DB_USER"),
                environment.get("ATTENDANCE_DB_PASSWORD")).openConnection();
    }

    /** Settings that point a service at this database and an empty Redis database. */
    static Map<String, String> environment(TestPostgres.TestDatabase database) {
        return environment(database, TestRedis.emptyDatabaseUrl());
    }

    /** Settings that point a service at a brand-new database and the Redis of that URL (a server of the test's own). */
    static Map<String, String> freshEnvironment(String redisUrl) {
        return environment(TestPostgres.freshDatabase(), redisUrl);
    }

    private static Map<String, String> environment(TestPostgres.TestDatabase database, String redisUrl) {
        return Map.of(
                "ATTENDANCE_DB_URL", database.jdbcUrl(),
                "ATTENDANCE_DB_USER", database.user(),
                "ATTENDANCE_DB_PASSWORD", database.password(),
                "ATTENDANCE_DB_POOL_SIZE", "4",
                "ATTENDANCE_DB_CONNECTION_TIMEOUT", "10s",
                "ATTENDANCE_DB_STATEMENT_TIMEOUT", "30s",
                "ATTENDANCE_REDIS_URL", redisUrl,
                "ATTENDANCE_REDIS_CACHE_TIMEOUT", "5s",
                "ATTENDANCE_REDIS_TIMEOUT", "5s");
    }
}
