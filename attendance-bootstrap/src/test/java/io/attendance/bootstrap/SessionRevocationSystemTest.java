package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.redis.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user deleted, or given a new password, while Redis does not answer (frozen by SIGSTOP: the
 * session store cannot end their sessions): the change commits in PostgreSQL all the same, and once
 * Redis answers again the user's old session is refused by every instance, the one that made the
 * change and another one sharing its servers, as soon as the revocation lag (the cache catch-up
 * interval, 1 s) has passed since the commit.
 */
class SessionRevocationSystemTest {
    private static final String CLERK_PASSWORD = "the clerk's first password";
    private static final String NEW_PASSWORD = "set while Redis was frozen";
    /** ATTENDANCE_CACHE_CATCH_UP_INTERVAL's default: the longest an instance may take to see a revocation. */
    private static final Duration REVOCATION_LAG = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    @Test
    void aSessionOfAUserDeletedWhileRedisWasFrozenIsRefusedOnEveryInstanceOnceTheLagHasPassed() throws Exception {
        refusedOnEveryInstanceOnceTheLagHasPassedAfter(admin -> admin.delete("/api/v2/users/clerk"), (first, second) -> {
        });
    }

    @Test
    void aSessionOfAUserGivenANewPasswordWhileRedisWasFrozenIsRefusedOnEveryInstanceOnceTheLagHasPassed()
            throws Exception {
        refusedOnEveryInstanceOnceTheLagHasPassedAfter(
                admin -> admin.put("/api/v2/users/clerk/password", "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"),
                (first, second) -> {
                    String renewed = second.signIn("clerk", NEW_PASSWORD);
                    assertThat(first.withBearer(renewed).get("/api/v2/auth/me").statusCode())
                            .as("a session opened after the change").isEqualTo(200);
                });
    }

    /**
     * Two instances on one PostgreSQL and a Redis of the test's own, a manager signed in on both;
     * {@code change} made by an administrator's API key (checked in PostgreSQL) while Redis is frozen;
     * then {@code andThen} on both instances.
     */
    private void refusedOnEveryInstanceOnceTheLagHasPassedAfter(Function<RunningService, HttpResponse<String>> change,
            BiConsumer<RunningService, RunningService> andThen) throws InterruptedException {
        try (RedisProcess redis = RedisProcess.server(directory)) {
            Map<String, String> servers = TestServers.freshEnvironment(redis.url());
            try (RunningService first = RunningService.start(servers);
                 RunningService second = RunningService.start(servers)) {
                RunningService admin = first.withApiKey(first.issueApiKey("user-admin", "ADMIN"));
                assertThat(admin.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"" + CLERK_PASSWORD
                        + "\",\"roles\":[\"MANAGER\"]}").statusCode()).isEqualTo(201);
                String clerk = first.signIn("clerk", CLERK_PASSWORD);
                assertThat(first.withBearer(clerk).get("/api/v2/auth/me").statusCode()).isEqualTo(200);
                assertThat(second.withBearer(clerk).get("/api/v2/employees").statusCode()).isEqualTo(200);

                redis.pause();
                HttpResponse<String> changed = change.apply(admin);
                redis.resume();

                assertThat(changed.statusCode()).as("the change committed: %s", changed.body()).isEqualTo(204);
                Thread.sleep(REVOCATION_LAG.plusMillis(100).toMillis());
                assertThat(first.withBearer(clerk).get("/api/v2/auth/me").statusCode()).isEqualTo(401);
                assertThat(second.withBearer(clerk).get("/api/v2/employees").statusCode()).isEqualTo(401);
                andThen.accept(first, second);
            }
        }
    }
}
