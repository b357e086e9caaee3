package io.attendance.bootstrap;

import ch.qos.logback.classic.Level;
import io.attendance.adapter.http.HttpSettings;
import io.attendance.adapter.http.LoadLimits;
import io.attendance.adapter.http.TrustedProxies;
import io.attendance.adapter.postgres.DatabaseSchema;
import io.attendance.adapter.postgres.DatabaseTimeouts;
import io.attendance.adapter.postgres.Migrations;
import io.attendance.adapter.redis.RedisStore;
import io.attendance.adapter.redis.RedisTimeouts;
import io.attendance.application.Attendance;
import io.attendance.application.access.SignInPolicy;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads {@link AttendanceConfig} from environment variables and, when {@code CONFIG_FILE} names one,
 * a YAML file; the environment wins. A YAML key is the variable's name without {@code ATTENDANCE_},
 * lower case, nested at each underscore: {@code ATTENDANCE_DB_POOL_SIZE} is {@code db: {pool: {size: 10}}}
 * or {@code db.pool.size: 10}. Every value is validated here, so a bad one stops the start. A default
 * an adapter already has (the body limit and timeout, the time zone) is the adapter's; the others live here.
 */
final class ConfigLoader {
    static final String PREFIX = "ATTENDANCE_";
    /** What an operator may ask of the root logger; logback would read anything else as DEBUG. */
    private static final List<Level> LOG_LEVELS =
            List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.OFF);
    /** How often each instance catches its cache up with the change feed: the bound on a lost invalidation. */
    static final Duration DEFAULT_CACHE_CATCH_UP_INTERVAL = Duration.ofSeconds(1);
    /** A whole number of milliseconds, seconds, minutes or hours: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 8h}. */
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|[smh])");

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    static AttendanceConfig load(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        String configFile = environment.get("CONFIG_FILE");
        if (configFile != null && !configFile.isBlank()) {
            values.putAll(readYaml(configFile));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                values.put(name, value);
            }
        });
        return new ConfigLoader(values).toConfig();
    }

    private AttendanceConfig toConfig() {
        Optional<String> dbUrl = text("ATTENDANCE_DB_URL");
        dbUrl.ifPresent(url -> require(url.startsWith("jdbc:postgresql:"),
                "ATTENDANCE_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
                        + Redaction.url(url)));
        Optional<AttendanceConfig.Database> database = dbUrl.map(url -> new AttendanceConfig.Database(
                url, text("ATTENDANCE_DB_USER").orElse("attendance"), text("ATTENDANCE_DB_PASSWORD").orElse("")));
        int httpPort = integer("ATTENDANCE_HTTP_PORT", 8080, 0, 65_535);
        return new AttendanceConfig(
                httpPort,
                integer("ATTENDANCE_MAX_REQUEST_BYTES", Math.toIntExact(HttpSettings.DEFAULT_MAX_REQUEST_BYTES),
                        1_024, 64 * 1_048_576),
                Duration.ofSeconds(integer("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS",
                        Math.toIntExact(HttpSettings.DEFAULT_BODY_TIMEOUT.toSeconds()), 1, 600)),
                database,
                integer("ATTENDANCE_DB_POOL_SIZE", 10, 1, 200),
                databaseTimeouts(),
                databaseSchema("ATTENDANCE_DB_SCHEMA"),
                redisUrl("ATTENDANCE_REDIS_URL"),
                new RedisTimeouts(
                        redisTimeout("ATTENDANCE_REDIS_CACHE_TIMEOUT", RedisTimeouts.DEFAULT.cache()),
                        redisTimeout("ATTENDANCE_REDIS_TIMEOUT", RedisTimeouts.DEFAULT.access())),
                Duration.ofSeconds(integer("ATTENDANCE_CACHE_TTL_SECONDS", 60, 1, 86_400)),
                integer("ATTENDANCE_CACHE_MAX_LIST_SIZE", Attendance.DEFAULT_MAX_CACHED_LIST_SIZE, 0, 1_000_000),
                boundedDuration("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", DEFAULT_CACHE_CATCH_UP_INTERVAL,
                        Duration.ofMinutes(1), "1m"),
                path("ATTENDANCE_DATA_DIR", "./attendance-data"),
                timezone("ATTENDANCE_DEFAULT_TIMEZONE"),
                secret("ATTENDANCE_CURSOR_SECRET"),
                logLevel("ATTENDANCE_LOG_LEVEL"),
                origins("ATTENDANCE_CORS_ORIGINS"),
                new AttendanceConfig.Access(
                        username("ATTENDANCE_ADMIN_USERNAME", "admin"),
                        password("ATTENDANCE_ADMIN_PASSWORD"),
                        sessionIdle("ATTENDANCE_SESSION_IDLE", SignInPolicy.DEFAULT.idle(), SignInPolicy.DEFAULT.lifetime()),
                        metricsPort("ATTENDANCE_METRICS_PORT", httpPort),
                        bool("ATTENDANCE_V1_AUTH", true),
                        trustedProxies("ATTENDANCE_TRUSTED_PROXIES"),
                        integer("ATTENDANCE_SIGN_IN_USERNAME_CEILING", SignInPolicy.DEFAULT.attempts().perUsername(), 1,
                                100_000)),
                new AttendanceConfig.Migration(
                        bool("ATTENDANCE_MIGRATE_ON_START", true),
                        boundedDuration("ATTENDANCE_MIGRATION_LOCK_TIMEOUT", Migrations.DEFAULT_LOCK_WAIT,
                                Duration.ofHours(1), "1h")),
                new LoadLimits(
                        integer("ATTENDANCE_MAX_CONCURRENT_REQUESTS", LoadLimits.DEFAULT_MAX_CONCURRENT_REQUESTS, 1, 10_000),
                        integer("ATTENDANCE_MAX_QUEUED_REQUESTS", LoadLimits.DEFAULT_MAX_QUEUED_REQUESTS, 0, 100_000),
                        boundedDuration("ATTENDANCE_MAX_QUEUE_WAIT", LoadLimits.DEFAULT_MAX_QUEUE_WAIT,
                                Duration.ofMinutes(1), "1m")),
                new AttendanceConfig.Shutdown(
                        boundedDuration("ATTENDANCE_SHUTDOWN_DRAIN_DELAY", AttendanceConfig.Shutdown.DEFAULT_DRAIN_DELAY,
                                Duration.ZERO, Duration.ofMinutes(5), "5m"),
                        boundedDuration("ATTENDANCE_SHUTDOWN_TIMEOUT", HttpSettings.DEFAULT_STOP_TIMEOUT,
                                Duration.ofMinutes(5), "5m")));
    }

    private Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private int integer(String name, int defaultValue, int min, int max) {
        return text(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                require(value >= min && value <= max, name + " must be between " + min + " and " + max + ", was " + raw);
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigurationError(name + " must be a whole number between " + min + " and " + max
                        + ", was '" + raw + "'");
            }
        }).orElse(defaultValue);
    }

    private Username username(String name, String defaultValue) {
        String raw = text(name).orElse(defaultValue);
        try {
            return new Username(raw);
        } catch (ValidationFailed e) {
            throw new ConfigurationError(name + " must be 1 to " + Username.MAX_LENGTH
                    + " characters of a-z, 0-9, '.', '_', '@' and '-', was '" + raw + "'");
        }
    }

    /**
     * Taken exactly as written (spaces too: they are part of a password), unset when empty. Never
     * echoed back: an error names the variable and the rule only.
     */
    private Optional<Password> password(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty()).map(value -> {
            try {
                return Password.chosen(name, value);
            } catch (ValidationFailed e) {
                throw new ConfigurationError(name + " must be at least " + Password.MIN_NEW_LENGTH
                        + " characters and not blank");
            }
        });
    }

    /** {@code 90s}, {@code 30m}, {@code 8h} or ISO-8601 ({@code PT8H}); above zero and at most the session lifetime. */
    private Duration sessionIdle(String name, Duration defaultValue, Duration max) {
        return boundedDuration(name, defaultValue, max, "the session lifetime of " + max.toHours() + "h");
    }

    /** A Redis wait: {@code 50ms}, {@code 2s} or ISO-8601; at least 1 ms and at most a minute. */
    private Duration redisTimeout(String name, Duration defaultValue) {
        Duration timeout = boundedDuration(name, defaultValue, RedisTimeouts.MAX, "60s");
        require(timeout.toMillis() >= 1, name + " must be at least 1ms, was " + text(name).orElse(""));
        return timeout;
    }

    /** {@code 500ms}, {@code 90s}, {@code 30m}, {@code 8h} or ISO-8601 ({@code PT8H}); above zero and at most {@code max}. */
    private Duration boundedDuration(String name, Duration defaultValue, Duration max, String maxDescription) {
        return boundedDuration(name, defaultValue, null, max, maxDescription);
    }

    /** As above, from {@code min} on; above zero when {@code min} is null. */
    private Duration boundedDuration(String name, Duration defaultValue, Duration min, Duration max,
            String maxDescription) {
        return text(name).map(raw -> {
            Duration duration = duration(raw).orElseThrow(() -> new ConfigurationError(name
                    + " must be a duration such as 90s, 30m, 8h or PT8H, was '" + raw + "'"));
            boolean aboveMin = min == null ? !duration.isNegative() && !duration.isZero() : duration.compareTo(min) >= 0;
            require(aboveMin && duration.compareTo(max) <= 0, name + " must be "
                    + (min == null ? "above zero" : "at least " + min.toSeconds() + "s") + " and at most " + maxDescription
                    + ", was " + raw);
            return duration;
        }).orElse(defaultValue);
    }

    private static Optional<Duration> duration(String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private DatabaseTimeouts databaseTimeouts() {
        DatabaseTimeouts defaults = DatabaseTimeouts.DEFAULTS;
        Duration connection = boundedDuration("ATTENDANCE_DB_CONNECTION_TIMEOUT", defaults.connection(),
                Duration.ofMinutes(1), "1m");
        require(connection.compareTo(DatabaseTimeouts.MIN_CONNECTION) >= 0, "ATTENDANCE_DB_CONNECTION_TIMEOUT must be at least "
                + DatabaseTimeouts.MIN_CONNECTION.toMillis() + "ms (HikariCP's least wait), was " + connection.toMillis() + "ms");
        return new DatabaseTimeouts(connection,
                boundedDuration("ATTENDANCE_DB_STATEMENT_TIMEOUT", defaults.statement(), Duration.ofMinutes(10), "10m"),
                boundedDuration("ATTENDANCE_DB_IDLE_IN_TRANSACTION_TIMEOUT", defaults.idleInTransaction(),
                        Duration.ofHours(1), "1h"));
    }

    /** The schema of the service's tables: a plain identifier, as {@link DatabaseSchema} says. */
    private DatabaseSchema databaseSchema(String name) {
        return text(name).map(raw -> {
            try {
                return new DatabaseSchema(raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(name + ": " + e.getMessage());
            }
        }).orElse(DatabaseSchema.DEFAULT);
    }

    /** A second port for {@code /metrics} alone; it cannot be the API's. */
    private OptionalInt metricsPort(String name, int httpPort) {
        if (text(name).isEmpty()) {
            return OptionalInt.empty();
        }
        int port = integer(name, 0, 1, 65_535);
        require(port != httpPort, name + " must differ from ATTENDANCE_HTTP_PORT, both are " + port);
        return OptionalInt.of(port);
    }

    /** {@code true} or {@code false}, in any letter case; anything else is a mistake worth stopping for. */
    private boolean bool(String name, boolean defaultValue) {
        return text(name).map(raw -> {
            if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(raw);
            }
            throw new ConfigurationError(name + " must be true or false, was '" + raw + "'");
        }).orElse(defaultValue);
    }

    private ZoneId timezone(String name) {
        return text(name).map(zone -> {
            try {
                return EmployeeDetails.parseTimezone(zone);
            } catch (ValidationFailed e) {
                throw new ConfigurationError(name + " must be an IANA time zone such as Europe/Paris or UTC, was '" + zone + "'");
            }
        }).orElse(HttpSettings.DEFAULT_TIMEZONE);
    }

    private Optional<Level> logLevel(String name) {
        return text(name).map(raw -> LOG_LEVELS.stream()
                .filter(level -> level.toString().equalsIgnoreCase(raw))
                .findFirst()
                .orElseThrow(() -> new ConfigurationError(name + " must be one of "
                        + LOG_LEVELS.stream().map(Level::toString).collect(Collectors.joining(", "))
                        + ", was '" + raw + "'")));
    }

    /**
     * Comma-separated origins, each exactly as a browser sends it in {@code Origin} (lower case
     * {@code http} or {@code https}, host, optional port, nothing after), since they are compared as
     * text: a path or a trailing slash would never match, and silently.
     */
    private List<String> origins(String name) {
        return text(name).map(list -> Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin(name, origin))
                .toList()).orElse(List.of());
    }

    /** CIDR blocks, comma-separated; unset or empty: none. */
    private TrustedProxies trustedProxies(String name) {
        try {
            return TrustedProxies.parse(text(name).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(name + " must list CIDR blocks such as 10.0.0.0/8 or fd00::/8, separated by"
                    + " commas: " + e.getMessage());
        }
    }

    private static String origin(String name, String text) {
        require(isOrigin(text), name + " must list origins such as https://app.example.com"
                + " (http or https, lower case, no path), separated by commas; '" + text + "' is not one");
        return text;
    }

    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text);
            String rebuilt = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && rebuilt.equals(text) && text.equals(text.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Never echoed back: an error names the variable and the rule only. */
    private Optional<String> secret(String name) {
        Optional<String> secret = text(name);
        secret.ifPresent(value -> require(value.length() >= 32, name + " must be at least 32 characters"));
        return secret;
    }

    private Path path(String name, String defaultValue) {
        String raw = text(name).orElse(defaultValue);
        try {
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationError(name + " must be a directory path, was '" + raw + "'");
        }
    }

    /**
     * Read by the Redis adapter's own parser, so that what starts is exactly what connects. Its messages
     * give the rule broken, never the URL.
     */
    private Optional<String> redisUrl(String name) {
        Optional<String> url = text(name);
        url.ifPresent(value -> {
            try {
                RedisStore.checkUrl(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(name + ": " + e.getMessage());
            }
        });
        return url;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigurationError(message);
        }
    }

    private static Map<String, String> readYaml(String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new ConfigurationError("CONFIG_FILE names a file that cannot be read: " + file);
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            LoaderOptions options = new LoaderOptions();
            Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new TextResolver()).load(reader);
            Map<String, String> flat = new HashMap<>();
            if (root instanceof Map<?, ?> mapping) {
                flatten("", mapping, flat);
            } else if (root != null) {
                throw new ConfigurationError("CONFIG_FILE must hold a YAML mapping: " + file);
            }
            return flat;
        } catch (IOException | YAMLException e) {
            throw new ConfigurationError("CONFIG_FILE is not valid YAML: " + file);
        }
    }

    /**
     * Plain scalars stay the text the file wrote: YAML 1.1 would read a password {@code 0123} as 83,
     * {@code OFF} as false and {@code 1e3} as 1000.0. Only null (an empty value, {@code ~}, {@code null})
     * and merge keys keep their meaning, so an unset value stays unset and anchors still merge.
     */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.MERGE, MERGE, "<");
        }
    }

    private static void flatten(String prefix, Map<?, ?> mapping, Map<String, String> into) {
        mapping.forEach((key, value) -> {
            String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, nested, into);
            } else if (value != null) {
                into.put(PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT), String.valueOf(value));
            }
        });
    }
}
