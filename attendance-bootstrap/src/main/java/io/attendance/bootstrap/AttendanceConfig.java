package io.attendance.bootstrap;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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
        Optional<String> redisUrl,
        Duration cacheTtl,
        int maxCachedListSize,
        Path dataDirectory,
        ZoneId defaultTimezone,
        Optional<String> cursorSecret,
        Optional<Level> logLevel,
        List<String> corsOrigins) {

    /** A PostgreSQL server given by the operator. */
    record Database(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Database[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", password=***]";
        }
    }

    @Override
    public String toString() {
        return "AttendanceConfig[httpPort=" + httpPort + ", database=" + database + ", redis="
                + redisUrl.map(Redaction::url).orElse("embedded")
                + ", dataDirectory=" + dataDirectory + ", defaultTimezone=" + defaultTimezone
                + ", cursorSecret=" + cursorSecret.map(secret -> "***").orElse("random")
                + ", logLevel=" + logLevel.map(Level::toString).orElse("logback.xml")
                + ", corsOrigins=" + corsOrigins + "]";
    }

    boolean embeddedDatabase() {
        return database.isEmpty();
    }
}
