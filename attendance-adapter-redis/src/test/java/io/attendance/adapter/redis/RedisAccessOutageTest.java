package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.SessionStore;
import io.attendance.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions and sign-in counts are never guessed: with Redis down, every call says it is unavailable. */
class RedisAccessOutageTest {
    private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_FAULT = Duration.ofMillis(200);
    private static final Username ALICE = new Username("alice");
    private static final Duration IDLE = Duration.ofMinutes(30);

    @TempDir
    Path dataDirectory;

    private static Session session() {
        Instant now = Instant.now();
        return new Session(ALICE, new Grant(Set.of(Role.ADMIN), Optional.empty()), now, now.plus(Duration.ofHours(8)), 0);
    }

    private static RedisStore connect(String url) {
        return RedisStore.connect(RedisUrl.parse(url), Duration.ofSeconds(60), new SimpleMeterRegistry(),
                new RedisTimeouts(PATIENT_TIMEOUT, PATIENT_TIMEOUT), PAUSE_AFTER_FAULT);
    }

    @Test
    void withNoRedisAtAllEveryCallIsUnavailable() {
        try (RedisStore nowhere = connect("redis://127.0.0.1:" + Attendances.closedPort())) {
            everyCallIsUnavailable(nowhere.sessionStore(), nowhere.loginAttempts());
        }
    }

    @Test
    void aServerThatStopsMakesEveryCallUnavailableAndItsSessionsServeAgainOnceItIsBack() {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDirectory);
        try (RedisStore store = connect(server.url())) {
            String digest = SecretToken.generate().digest();
            store.sessionStore().open(digest, session(), IDLE);
            store.loginAttempts().admit(ALICE, "192.0.2.1", LoginAttempts.Limits.DEFAULT);

            server.close();
            everyCallIsUnavailable(store.sessionStore(), store.loginAttempts());

            server = EmbeddedRedisServer.start(dataDirectory, server.port());
            SessionStore sessions = store.sessionStore();
            Attendances.eventually(() -> {
                try {
                    return sessions.use(digest, IDLE, Instant.now()).isPresent();
                } catch (Unavailable stillDown) {
                    return false;
                }
            });
        } finally {
            server.close();
        }
    }

    private static void everyCallIsUnavailable(SessionStore sessions, LoginAttempts attempts) {
        String digest = SecretToken.generate().digest();
        unavailable(() -> sessions.open(digest, session(), IDLE), "session store unavailable");
        unavailable(() -> sessions.use(digest, IDLE, Instant.now()), "session store unavailable");
        unavailable(() -> sessions.close(digest), "session store unavailable");
        unavailable(() -> sessions.closeAllOf(ALICE), "session store unavailable");
        unavailable(() -> attempts.admit(ALICE, "192.0.2.1", LoginAttempts.Limits.DEFAULT), "session store unavailable");
        unavailable(() -> attempts.succeeded(ALICE, "192.0.2.1"), "session store unavailable");
    }

    private static void unavailable(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(Unavailable.class).hasMessage(message)
                .satisfies(thrown -> assertThat(thrown.getCause()).isNotNull());
    }
}
