package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.attendance.adapter.http.LoadLimits;
import io.attendance.adapter.http.TrustedProxies;
import io.attendance.adapter.postgres.DatabaseSchema;
import io.attendance.adapter.postgres.DatabaseTimeouts;
import io.attendance.adapter.redis.RedisTimeouts;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    @TempDir
    Path directory;

    @Test
    void withNothingSetTheServiceRunsEmbeddedOnPort8080() {
        AttendanceConfig config = ConfigLoader.load(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.databasePoolSize()).isEqualTo(10);
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.requestBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dataDirectory()).isEqualTo(Path.of("attendance-data").toAbsolutePath());
        assertThat(config.defaultTimezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.cursorSecret()).isEmpty();
        assertThat(config.logLevel()).as("logback.xml's level stays").isEmpty();
        assertThat(config.corsOrigins()).as("CORS stays off").isEmpty();
    }

    @Test
    void corsOriginsAreACommaSeparatedListOfExactOrigins() {
        AttendanceConfig config = ConfigLoader.load(Map.of(
                "ATTENDANCE_CORS_ORIGINS", "https://app.example.com, http://localhost:3000,"));

        assertThat(config.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.com", "ftp://app.example.com", "https://app.example.com/",
            "https://app.example.com/ui", "https://App.Example.com", "https://app.example.com?x=1",
            "https://user@app.example.com", "*", "https://"})
    void aCorsOriginThatIsNotExactlyAnOriginIsRefusedNamingIt(String origin) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_CORS_ORIGINS", "https://ok.example.com," + origin)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("ATTENDANCE_CORS_ORIGINS must list origins")
                .hasMessageEndingWith("'" + origin + "' is not one");
    }

    @Test
    void theDefaultTimezoneIsAnIanaZoneAndTheCursorSecretIsLongAndNeverShown() {
        AttendanceConfig config = ConfigLoader.load(Map.of(
                "ATTENDANCE_DEFAULT_TIMEZONE", "Europe/Paris",
                "ATTENDANCE_CURSOR_SECRET", "a-secret-of-at-least-32-characters!"));

        assertThat(config.defaultTimezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.cursorSecret()).contains("a-secret-of-at-least-32-characters!");
        assertThat(config.toString()).doesNotContain("a-secret-of-at-least-32-characters!");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_DEFAULT_TIMEZONE", "Mars/Olympus")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_DEFAULT_TIMEZONE");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_CURSOR_SECRET", "short-secret")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_CURSOR_SECRET")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("short-secret"));
    }

    @Test
    void realServersAreTakenFromTheEnvironment() {
        AttendanceConfig config = ConfigLoader.load(Map.of(
                "ATTENDANCE_DB_URL", "jdbc:postgresql://db.internal:5432/attendance",
                "ATTENDANCE_DB_USER", "svc",
                "ATTENDANCE_DB_PASSWORD", "s3cret",
                "ATTENDANCE_REDIS_URL", "redis://:pw@cache.internal:6379/2",
                "ATTENDANCE_HTTP_PORT", "9090"));

        assertThat(config.database()).contains(
                new AttendanceConfig.Database("jdbc:postgresql://db.internal:5432/attendance", "svc", "s3cret"));
        assertThat(config.redisUrl()).contains("redis://:pw@cache.internal:6379/2");
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.database().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void aYamlFileIsReadAndTheEnvironmentWinsOverIt() throws IOException {
        Path file = directory.resolve("attendance.yaml");
        Files.writeString(file, """
                http:
                  port: 7000
                db:
                  url: jdbc:postgresql://from-file:5432/attendance
                  pool:
                    size: 4
                cache.ttl.seconds: 5
                """);

        AttendanceConfig config = ConfigLoader.load(Map.of(
                "CONFIG_FILE", file.toString(),
                "ATTENDANCE_HTTP_PORT", "7001"));

        assertThat(config.httpPort()).isEqualTo(7001);
        assertThat(config.database()).map(AttendanceConfig.Database::jdbcUrl)
                .contains("jdbc:postgresql://from-file:5432/attendance");
        assertThat(config.databasePoolSize()).isEqualTo(4);
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theLoadLimitsAndTheStopAreConfiguredAndADrainOfZeroIsAllowed() {
        AttendanceConfig defaults = ConfigLoader.load(Map.of());
        assertThat(defaults.loadLimits()).isEqualTo(LoadLimits.DEFAULT);
        assertThat(defaults.shutdown()).isEqualTo(new AttendanceConfig.Shutdown(Duration.ofSeconds(5), Duration.ofSeconds(10)));

        AttendanceConfig config = ConfigLoader.load(Map.of("ATTENDANCE_MAX_CONCURRENT_REQUESTS", "8",
                "ATTENDANCE_MAX_QUEUED_REQUESTS", "0", "ATTENDANCE_MAX_QUEUE_WAIT", "PT0.5S",
                "ATTENDANCE_SHUTDOWN_DRAIN_DELAY", "0s", "ATTENDANCE_SHUTDOWN_TIMEOUT", "30s"));
        assertThat(config.loadLimits()).isEqualTo(new LoadLimits(8, 0, Duration.ofMillis(500)));
        assertThat(config.shutdown()).isEqualTo(new AttendanceConfig.Shutdown(Duration.ZERO, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_MAX_CONCURRENT_REQUESTS", "0")))
                .hasMessageContaining("ATTENDANCE_MAX_CONCURRENT_REQUESTS");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_MAX_QUEUE_WAIT", "0s")))
                .hasMessageContaining("ATTENDANCE_MAX_QUEUE_WAIT must be above zero");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_SHUTDOWN_DRAIN_DELAY", "-PT1S")))
                .hasMessageContaining("ATTENDANCE_SHUTDOWN_DRAIN_DELAY must be at least 0s");
    }

    @Test
    void theRequestBodyTimeoutIsSetInSeconds() {
        AttendanceConfig config = ConfigLoader.load(Map.of("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS", "30"));

        assertThat(config.requestBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_HTTP_PORT", "70000")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_DB_URL", "mysql://x")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_DB_URL");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_REDIS_URL", "localhost:6379")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_REDIS_URL");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_DB_POOL_SIZE", "0")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_DB_POOL_SIZE");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS", "ten")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_REQUEST_BODY_TIMEOUT_SECONDS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://:hunter2@cache:6379      | starts with redis://, rediss://, redis-cluster:// or redis-sentinel://
            redis://:hunter2@:6379          | needs a host name
            redis:///0                      | needs a host
            redis://:hunter2@cache:port     | a port number
            redis://:hunter2@cache:70000    | between 1 and 65535, was 70000
            redis://:hunter2@cache:0        | between 1 and 65535, was 0
            redis://:hunter2@cache:6379/one | a database index such as /0
            redis://:hunter2@cache:6379/-1  | database index is not negative, was -1
            redis-cluster://:hunter2@a,b/1  | database 0 only
            redis-sentinel://:hunter2@s1    | names the master
            """)
    void aBadRedisUrlIsRefusedWithTheReasonAndWithoutItsPassword(String url, String reason) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_REDIS_URL", url)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("ATTENDANCE_REDIS_URL: ")
                .hasMessageContaining(reason)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void aMalformedUrlIsNamedWithItsSchemeAlone() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_DB_URL", "postgres://u:secret@db/x")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("ATTENDANCE_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database),"
                        + " was postgres://***");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_REDIS_URL", "redis://:pa/ss@host:6379")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("ATTENDANCE_REDIS_URL: ")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("pa/ss").doesNotContain("ss@"));
    }

    @Test
    void theConfigurationShowsNoPasswordWhereverAUrlHoldsIt() {
        AttendanceConfig config = ConfigLoader.load(Map.of(
                "ATTENDANCE_DB_URL", "jdbc:postgresql://db.internal:5432/attendance?password=in-the-query",
                "ATTENDANCE_REDIS_URL", "redis://:pa%2Fss@cache.internal:6379/2"));

        assertThat(config.toString())
                .contains("jdbc:postgresql://***", "redis://***")
                .doesNotContain("in-the-query", "pa%2Fss", "cache.internal");
    }

    @Test
    void theDatabasePasswordIsNeverPartOfAnError() {
        for (Map.Entry<String, String> bad : Map.of("ATTENDANCE_DB_URL", "mysql://x", "ATTENDANCE_DB_POOL_SIZE", "0",
                "ATTENDANCE_CURSOR_SECRET", "Zq7SeCrEt").entrySet()) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of(bad.getKey(), bad.getValue(),
                    "ATTENDANCE_DB_PASSWORD", "Zq7SeCrEt")))
                    .isInstanceOf(ConfigurationError.class)
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain("Zq7SeCrEt"));
        }
    }

    @Test
    void aRedisUrlIsTakenAsTheRedisAdapterReadsItWithTlsAUserAndTheDefaultPort() {
        AttendanceConfig config = ConfigLoader.load(Map.of("ATTENDANCE_REDIS_URL", "rediss://svc:pw@cache.internal/3"));

        assertThat(config.redisUrl()).contains("rediss://svc:pw@cache.internal/3");
    }

    @Test
    void theLogLevelIsOneOfSixNamesInAnyCase() {
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_LOG_LEVEL", "debug")).logLevel()).contains(Level.DEBUG);
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_LOG_LEVEL", " Off ")).logLevel()).contains(Level.OFF);
        for (String unknown : new String[] {"LOUD", "ALL", "FINE"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_LOG_LEVEL", unknown)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessage("ATTENDANCE_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was '"
                            + unknown + "'");
        }
    }

    @Test
    void theLogLevelComesFromTheConfigFileUnlessTheEnvironmentSetsIt() throws IOException {
        Path file = directory.resolve("attendance.yaml");
        Files.writeString(file, "log: {level: DEBUG}\n");

        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", file.toString())).logLevel()).contains(Level.DEBUG);
        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", file.toString(), "ATTENDANCE_LOG_LEVEL", "warn")).logLevel())
                .contains(Level.WARN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            password: 0123       | 0123
            password: 1e3        | 1e3
            password: 1_000      | 1_000
            password: 0x1F       | 0x1F
            password: .inf       | .inf
            password: 2026-01-01 | 2026-01-01
            user: yes            | yes
            user: off            | off
            """)
    void aYamlValueIsTheTextTheFileWrote(String line, String text) throws IOException {
        AttendanceConfig.Database database = ConfigLoader.load(Map.of("CONFIG_FILE",
                yaml("db:\n  url: jdbc:postgresql://db/attendance\n  " + line + "\n"))).database().orElseThrow();

        assertThat(line.startsWith("user") ? database.user() : database.password()).isEqualTo(text);
    }

    @Test
    void aYamlCursorSecretOfDigitsIsNotReadAsAnOctalNumber() throws IOException {
        String digits = "0123456701234567012345670123456701";

        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", yaml("cursor: {secret: " + digits + "}\n"))).cursorSecret())
                .contains(digits);
    }

    @Test
    void aYamlLogLevelOffIsTheLevelNotFalse() throws IOException {
        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", yaml("log: {level: OFF}\n"))).logLevel()).contains(Level.OFF);
    }

    @Test
    void aYamlNumberIsReadAsADecimalWholeNumberOrRefused() throws IOException {
        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", yaml("db: {pool: {size: 10}}\n"))).databasePoolSize())
                .isEqualTo(10);
        String hex = yaml("http: {port: 0x1F}\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", hex)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("ATTENDANCE_HTTP_PORT must be a whole number between 0 and 65535, was '0x1F'");
    }

    @Test
    void anEmptyOrNullYamlValueLeavesTheVariableUnset() throws IOException {
        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", yaml("redis: {url: ~}\nlog:\n  level:\n"))))
                .satisfies(config -> assertThat(config.redisUrl()).isEmpty())
                .satisfies(config -> assertThat(config.logLevel()).isEmpty());
    }

    @Test
    void aYamlMergeKeyStillMerges() throws IOException {
        String file = yaml("sizes: &small {size: 4}\ndb: {pool: {<<: *small}}\n");

        assertThat(ConfigLoader.load(Map.of("CONFIG_FILE", file)).databasePoolSize()).isEqualTo(4);
    }

    private String yaml(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "attendance", ".yaml"), content).toString();
    }

    @Test
    void aMissingOrBrokenConfigFileIsAConfigurationError() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", directory.resolve("absent.yaml").toString())))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("CONFIG_FILE");
        Path broken = directory.resolve("broken.yaml");
        Files.writeString(broken, "http: [port: 1\n  : :");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CONFIG_FILE", broken.toString())))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("CONFIG_FILE");
    }

    @Test
    void accessDefaultsToAnAdminNamedAdminWithoutPasswordEightHourSessionsAndV1BehindCredentials() {
        AttendanceConfig.Access access = ConfigLoader.load(Map.of()).access();

        assertThat(access.adminUsername()).isEqualTo(new Username("admin"));
        assertThat(access.adminPassword()).isEmpty();
        assertThat(access.sessionIdle()).isEqualTo(Duration.ofHours(8));
        assertThat(access.metricsPort()).isEmpty();
        assertThat(access.v1CredentialsRequired()).isTrue();
        assertThat(access.trustedProxies()).as("every peer is the client").isEqualTo(TrustedProxies.NONE);
        assertThat(access.signInCeilingPerUsername()).isEqualTo(100);
    }

    @Test
    void trustedProxiesAreCidrBlocksAndTheSignInCeilingAWholeNumber() {
        AttendanceConfig.Access access = ConfigLoader.load(Map.of("ATTENDANCE_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8",
                "ATTENDANCE_SIGN_IN_USERNAME_CEILING", "250")).access();

        assertThat(access.trustedProxies()).hasToString("[10.0.0.0/8, fd00::/8]");
        assertThat(access.signInCeilingPerUsername()).isEqualTo(250);
    }

    @Test
    void accessIsTakenFromTheEnvironmentOverTheConfigFile() throws IOException {
        Path file = Files.writeString(directory.resolve("attendance.yaml"), """
                admin:
                  username: root
                  password: from-the-file-0123
                session.idle: 2h
                metrics.port: 9100
                v1.auth: true
                """);
        AttendanceConfig.Access access = ConfigLoader.load(Map.of("CONFIG_FILE", file.toString(),
                "ATTENDANCE_ADMIN_USERNAME", "Ops.Admin", "ATTENDANCE_SESSION_IDLE", "30m",
                "ATTENDANCE_V1_AUTH", "FALSE")).access();

        assertThat(access.adminUsername()).isEqualTo(new Username("ops.admin"));
        assertThat(access.adminPassword()).contains(Password.chosen("password", "from-the-file-0123"));
        assertThat(access.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(access.metricsPort()).hasValue(9100);
        assertThat(access.v1CredentialsRequired()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "8h, PT8H", "24h, PT24H", "PT8H, PT8H", "PT20M, PT20M", "P1D, PT24H"})
    void theSessionIdleTimeIsAShortOrAnIsoDuration(String text, String expected) {
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_SESSION_IDLE", text)).access().sessionIdle())
                .isEqualTo(Duration.parse(expected));
    }

    @Test
    void theCacheCatchesUpEverySecondUnlessSaidOtherwiseAndAtLeastEveryMinute() {
        assertThat(ConfigLoader.load(Map.of()).cacheCatchUpInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", "PT0.25S")).cacheCatchUpInterval())
                .isEqualTo(Duration.ofMillis(250));
        for (String wrong : List.of("0s", "2m", "often")) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", wrong)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("ATTENDANCE_CACHE_CATCH_UP_INTERVAL must be");
        }
    }

    @Test
    void aClusterOrSentinelRedisUrlIsTakenAsItIs() {
        for (String url : List.of("redis-cluster://:pw@10.0.0.1:7000,10.0.0.2:7001", "redis://a:7000,b:7001",
                "rediss-sentinel://svc:pw@s1:26379,s2:26379/mymaster/2")) {
            assertThat(ConfigLoader.load(Map.of("ATTENDANCE_REDIS_URL", url)).redisUrl()).contains(url);
        }
    }

    @Test
    void theDatabaseTimeoutsAreShortUnlessSaidOtherwise() {
        assertThat(ConfigLoader.load(Map.of()).databaseTimeouts()).isEqualTo(DatabaseTimeouts.DEFAULTS);
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_DB_CONNECTION_TIMEOUT", "500ms",
                "ATTENDANCE_DB_STATEMENT_TIMEOUT", "30s", "ATTENDANCE_DB_IDLE_IN_TRANSACTION_TIMEOUT", "PT1M")).databaseTimeouts())
                .isEqualTo(new DatabaseTimeouts(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        for (Map.Entry<String, String> wrong : List.of(Map.entry("ATTENDANCE_DB_CONNECTION_TIMEOUT", "100ms"),
                Map.entry("ATTENDANCE_DB_CONNECTION_TIMEOUT", "2m"), Map.entry("ATTENDANCE_DB_STATEMENT_TIMEOUT", "0ms"),
                Map.entry("ATTENDANCE_DB_STATEMENT_TIMEOUT", "fast"), Map.entry("ATTENDANCE_DB_IDLE_IN_TRANSACTION_TIMEOUT", "2h"))) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.ofEntries(wrong)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith(wrong.getKey() + " must be");
        }
    }

    @Test
    void theTablesAreInTheirOwnSchemaWhoseNameIsAPlainIdentifier() {
        assertThat(ConfigLoader.load(Map.of()).databaseSchema()).isEqualTo(DatabaseSchema.DEFAULT);
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_DB_SCHEMA", "presence")).databaseSchema())
                .isEqualTo(new DatabaseSchema("presence"));
        for (String wrong : List.of("Attendance", "att-endance", "a\"; DROP SCHEMA public; --", "pg_attendance")) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_DB_SCHEMA", wrong)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("ATTENDANCE_DB_SCHEMA: the database schema must be a plain lower-case identifier");
        }
    }

    @Test
    void redisWaitsAreShortForTheCacheAndLongerForSessionsUnlessSaidOtherwise() {
        assertThat(ConfigLoader.load(Map.of()).redisTimeouts())
                .isEqualTo(new RedisTimeouts(Duration.ofMillis(50), Duration.ofMillis(500)));
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_REDIS_CACHE_TIMEOUT", "20ms",
                "ATTENDANCE_REDIS_TIMEOUT", "2s")).redisTimeouts())
                .isEqualTo(new RedisTimeouts(Duration.ofMillis(20), Duration.ofSeconds(2)));
        for (String name : List.of("ATTENDANCE_REDIS_CACHE_TIMEOUT", "ATTENDANCE_REDIS_TIMEOUT")) {
            for (String wrong : List.of("0ms", "PT0.0005S", "61s", "50", "fast")) {
                assertThatThrownBy(() -> ConfigLoader.load(Map.of(name, wrong)))
                        .isInstanceOf(ConfigurationError.class)
                        .hasMessageStartingWith(name + " must be");
            }
        }
    }

    @Test
    void migrationsRunAtStartAndWaitAMinuteForAnotherInstancesUnlessSaidOtherwise() {
        assertThat(ConfigLoader.load(Map.of()).migration())
                .isEqualTo(new AttendanceConfig.Migration(true, Duration.ofSeconds(60)));
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_MIGRATE_ON_START", "false",
                "ATTENDANCE_MIGRATION_LOCK_TIMEOUT", "5m")).migration())
                .isEqualTo(new AttendanceConfig.Migration(false, Duration.ofMinutes(5)));
        for (String wrong : List.of("0s", "2h", "soon")) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_MIGRATION_LOCK_TIMEOUT", wrong)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("ATTENDANCE_MIGRATION_LOCK_TIMEOUT must be");
        }
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_MIGRATE_ON_START", "no")))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_MIGRATE_ON_START must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "PT0S", "25h", "PT-1H", "P2D", "8", "8 h", "8hours", "1h30m", "-5m", "soon"})
    void aSessionIdleTimeThatIsNoDurationOrNotWithinTheLifetimeIsRefused(String text) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_SESSION_IDLE", text)))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_SESSION_IDLE must be");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ATTENDANCE_ADMIN_USERNAME | Ada Lovelace
            ATTENDANCE_ADMIN_USERNAME | admin!
            ATTENDANCE_METRICS_PORT   | 0
            ATTENDANCE_METRICS_PORT   | 65536
            ATTENDANCE_METRICS_PORT   | metrics
            ATTENDANCE_METRICS_PORT   | 8080
            ATTENDANCE_V1_AUTH        | yes
            ATTENDANCE_V1_AUTH        | 0
            ATTENDANCE_V1_AUTH        | off
            ATTENDANCE_TRUSTED_PROXIES | proxy.internal
            ATTENDANCE_TRUSTED_PROXIES | 10.0.0.0/40
            ATTENDANCE_TRUSTED_PROXIES | 10.0.0.0/8;192.168.0.0/16
            ATTENDANCE_SIGN_IN_USERNAME_CEILING | 0
            ATTENDANCE_SIGN_IN_USERNAME_CEILING | many
            """)
    void aBadAccessSettingNamesItsVariable(String variable, String value) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationError.class).hasMessageStartingWith(variable);
    }

    @Test
    void theMetricsPortMustDifferFromTheHttpPort() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_HTTP_PORT", "9100", "ATTENDANCE_METRICS_PORT", "9100")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("ATTENDANCE_METRICS_PORT must differ from ATTENDANCE_HTTP_PORT, both are 9100");
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_HTTP_PORT", "9100", "ATTENDANCE_METRICS_PORT", "9101"))
                .access().metricsPort()).hasValue(9101);
    }

    @Test
    void theAdminPasswordIsTakenAsWrittenAndNeverShown() {
        String password = "  twelve chars or more  ";
        AttendanceConfig config = ConfigLoader.load(Map.of("ATTENDANCE_ADMIN_PASSWORD", password));

        assertThat(config.access().adminPassword()).map(Password::reveal).contains(password);
        assertThat(config.toString()).contains("adminPassword=***").doesNotContain("twelve chars");
        assertThat(ConfigLoader.load(Map.of("ATTENDANCE_ADMIN_PASSWORD", "")).access().adminPassword()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-Zq7", "eleven-Zq7x", "            "})
    void anAdminPasswordUnderTwelveCharactersIsRefusedWithoutShowingIt(String password) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ATTENDANCE_ADMIN_PASSWORD", password)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("ATTENDANCE_ADMIN_PASSWORD must be at least 12 characters and not blank");
    }
}
