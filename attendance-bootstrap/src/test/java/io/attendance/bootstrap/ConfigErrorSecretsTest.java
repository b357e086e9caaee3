package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.attendance.adapter.redis.RedisStore;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an operator writes into a URL or password variable, the password in it is never printed back. */
class ConfigErrorSecretsTest {
    private static final String SECRET = "Zq7SeCrEt";

    @Property(tries = 2_000)
    void noConfigurationErrorNorTheConfigurationItselfShowsAPasswordHiddenInAUrl(
            @ForAll("urlsHoldingTheSecret") String url,
            @ForAll("urlVariables") String variable) {
        Throwable error = catchThrowable(() -> {
            AttendanceConfig config = ConfigLoader.load(Map.of(variable, url));
            assertThat(config.toString()).doesNotContain(SECRET);
        });

        if (error != null) {
            assertThat(error).isInstanceOf(ConfigurationError.class).hasMessageStartingWith(variable);
            assertThat(error.getMessage()).doesNotContain(SECRET);
        }
    }

    @Property(tries = 500)
    void theFirstAdministratorsPasswordIsInNeitherAnErrorNorTheConfiguration(
            @ForAll("passwordsHoldingTheSecret") String password) {
        Throwable error = catchThrowable(() -> {
            AttendanceConfig config = ConfigLoader.load(Map.of("ATTENDANCE_ADMIN_PASSWORD", password));
            assertThat(config.toString()).doesNotContain(SECRET);
        });

        if (error != null) {
            assertThat(error).isInstanceOf(ConfigurationError.class).hasMessageStartingWith("ATTENDANCE_ADMIN_PASSWORD");
            assertThat(error.getMessage()).doesNotContain(SECRET);
        }
    }

    /** Too short, long enough, blank around it: accepted and refused ones alike. */
    @Provide
    Arbitrary<String> passwordsHoldingTheSecret() {
        Arbitrary<String> noise = Arbitraries.strings().withChars(" \t'\"=:@0123456789ab").ofMaxLength(6);
        return Combinators.combine(noise, noise).as((before, after) -> before + SECRET + after);
    }

    @Property(tries = 2_000)
    void theRedisAdaptersOwnMessagesNeverHoldThePassword(@ForAll("urlsHoldingTheSecret") String url) {
        Throwable error = catchThrowable(() -> RedisStore.checkUrl(url));

        if (error != null) {
            assertThat(error).isInstanceOf(IllegalArgumentException.class);
            assertThat(error.getMessage()).doesNotContain(SECRET);
        }
    }

    @Provide
    Arbitrary<String> urlVariables() {
        return Arbitraries.of("ATTENDANCE_DB_URL", "ATTENDANCE_REDIS_URL");
    }

    /** Well-formed and broken URLs alike, with the secret as a password, a query value or after a stray '@'. */
    @Provide
    Arbitrary<String> urlsHoldingTheSecret() {
        Arbitrary<String> schemes = Arbitraries.of("redis://", "rediss://", "REDIS://", "redis:/", "redis:", "http://",
                "postgres://", "postgresql://", "jdbc:postgresql://", "jdbc:postgresql:", "jdbc:mysql://", "//", "");
        Arbitrary<String> users = Arbitraries.of("", "svc", "u", "a:b", "jdbc");
        Arbitrary<String> noise = Arbitraries.strings().withChars("/:@?#%[]{}| &=.-_~0123456789ab").ofMaxLength(4);
        Arbitrary<String> passwords = Combinators.combine(noise, noise).as((before, after) -> before + SECRET + after);
        Arbitrary<String> hosts = Arbitraries.of("", "cache", "db.internal", "[::1]", "[::1", "127.0.0.1", "h st");
        Arbitrary<String> ports = Arbitraries.of("", ":6379", ":0", ":70000", ":port", ":");
        Arbitrary<String> tails = Arbitraries.of("", "/", "/0", "/x", "/-1", "?password=" + SECRET, "#" + SECRET,
                "/db?user=u&password=" + SECRET, "/" + SECRET);
        Arbitrary<String> layouts = Arbitraries.of("user:password@host", "password@host", ":password@host",
                "user:password", "password", "host@password", "user:password@host@host", "host:password");
        return Combinators.combine(schemes, users, passwords, hosts, ports, tails, layouts)
                .as((scheme, user, password, host, port, tail, layout) -> scheme + layout
                        .replace("user", user).replace("password", password).replace("host", host + port) + tail);
    }
}
