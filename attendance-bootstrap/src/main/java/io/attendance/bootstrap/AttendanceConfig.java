package io.attendance.bootstrap;

import ch.qos.logback.classic.Level;
import io.attendance.adapter.http.LoadLimits;
import io.attendance.adapter.http.TrustedProxies;
import io.attendance.adapter.postgres.DatabaseSchema;
import io.attendance.adapter.postgres.DatabaseTimeouts;
import io.attendance.adapter.redis.RedisTimeouts;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting of the service, read once at start by {@link ConfigLoader} and passed down as plain
 * values. An absent database URL means embedded mode; an absent Redis URL means an embedded Redis; an
 * absent log level leaves the root logger at the level logback.xml gives it (INFO); no CORS origins
 * keep CORS off.
 */
record AttendanceConfig(
        int httpPort,
        long maxRequestBytes,
        Duration requestBodyTimeout,
        Optional<Database> database,
        int databasePoolSize,
        DatabaseTimeouts databaseTimeouts,
        DatabaseSchema databaseSchema,
        Optional<String> redisUrl,
        RedisTimeouts redisTimeouts,
        Duration cacheTtl,
        int maxCachedListSize,
        Duration cacheCatchUpInterval,
        Path dataDirectory,
        ZoneId defaultTimezone,
        Optional<String> cursorSecret,
        Optional<Level> logLevel,
        List<String> corsOrigins,
        Access access,
        Migration migration,
        LoadLimits loadLimits,
        Shutdown shutdown) {

    /**
     * How the service stops on SIGTERM: {@code /health/ready} answers 503 for {@code drainDelay} while
     * everything is still served, so that load balancers stop sending requests; then the listener
     * closes and the requests in flight get up to {@code stopTimeout} to finish.
     */
    record Shutdown(Duration drainDelay, Duration stopTimeout) {
        static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(5);
    }

    /**
     * Whether start-up migrates the schema (a role without DDL rights runs against a schema a DBA
     * migrated), and how long a migration waits for another instance's before it gives up.
     */
    record Migration(boolean onStart, Duration lockWait) {
    }

    /**
     * Who may sign in and how: the first administrator (created at start-up when no user exists),
     * how long a session may stay idle, whether v1 needs credentials, an open metrics port, the proxies
     * whose X-Forwarded-For names the client, and the ceiling of failed sign-ins per username.
     */
    record Access(Username adminUsername, Optional<Password> adminPassword, Duration sessionIdle,
            OptionalInt metricsPort, boolean v1CredentialsRequired, TrustedProxies trustedProxies,
            int signInCeilingPerUsername) {
        @Override
        public String toString() {
            return "Access[adminUsername=" + adminUsername + ", adminPassword="
                    + adminPassword.map(password -> "***").orElse("unset") + ", sessionIdle=" + sessionIdle
                    + ", metricsPort=" + (metricsPort.isPresent() ? Integer.toString(metricsPort.getAsInt()) : "none")
                    + ", v1CredentialsRequired=" + v1CredentialsRequired + ", trustedProxies=" + trustedProxies
                    + ", signInCeilingPerUsername=" + signInCeilingPerUsername + "]";
        }
    }

    /** A PostgreSQL server given by the operator. */
    record Database(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Database[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", password=***]";
        }
    }

    @Override
    public String toString() {
        return "AttendanceConfig[httpPort=" + httpPort + ", database=" + database
                + ", databaseTimeouts=" + databaseTimeouts + ", databaseSchema=" + databaseSchema + ", redis="
                + redisUrl.map(Redaction::url).orElse("embedded")
                + ", dataDirectory=" + dataDirectory + ", defaultTimezone=" + defaultTimezone
                + ", cursorSecret=" + cursorSecret.map(secret -> "***").orElse("random")
                + ", logLevel=" + logLevel.map(Level::toString).orElse("logback.xml")
                + ", corsOrigins=" + corsOrigins + ", access=" + access + ", loadLimits=" + loadLimits
                + ", shutdown=" + shutdown + "]";
    }

    boolean embeddedDatabase() {
        return database.isEmpty();
    }
}
