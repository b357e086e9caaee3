package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.adapter.redis.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    /** ATTENDANCE_CACHE_CATCH_UP_INTERVAL's default: the longest an instance may take to see a revocation. */
    private static final Duration REVOCATION_LAG = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    @Test
    void aSessionOfAUserDeletedWhileRedisWasFrozenIsRefusedOnEveryInstanceOnceTheLagHasPassed() throws Exception {
        try (RedisProcess redis = RedisProcess.server(directory)) {
            Map<String, String> servers = servers(redis);
            try (RunningService first = RunningService.start(servers);
                 RunningService second = RunningService.start(servers)) {
                RunningService admin = first.withApiKey(first.issueApiKey("user-admin", "ADMIN"));
                String clerk = clerkSignedIn(admin, first, second);

                redis.pause();
                HttpResponse<String> deleted = admin.delete("/api/v2/users/clerk");
                redis.resume();

                assertThat(deleted.statusCode()).as("the deletion committed: %s", deleted.body()).isEqualTo(204);
                Thread.sleep(REVOCATION_LAG.plusMillis(100).toMillis());
                assertThat(first.withBearer(clerk).get("/api/v2/auth/me").statusCode()).isEqualTo(401);
                assertThat(second.withBearer(clerk).get("/api/v2/employees").statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void aSessionOfAUserGivenANewPasswordWhileRedisWasFrozenIsRefusedOnEveryInstanceOnceTheLagHasPassed()
            throws Exception {
        try (RedisProcess redis = RedisProcess.server(directory)) {
            Map<String, String> servers = servers(redis);
            try (RunningService first = RunningService.start(servers);
                 RunningService second = RunningService.start(servers)) {
                RunningService admin = first.withApiKey(first.issueApiKey("user-admin", "ADMIN"));
                String clerk = clerkSignedIn(admin, first, second);

                redis.pause();
                HttpResponse<String> changed = admin.put("/api/v2/users/clerk/password",
                        "{\"newPassword\":\"set while Redis was frozen\"}");
                redis.resume();

                assertThat(changed.statusCode()).as("the change committed: %s", changed.body()).isEqualTo(204);
                Thread.sleep(REVOCATION_LAG.plusMillis(100).toMillis());
                assertThat(second.withBearer(clerk).get("/api/v2/auth/me").statusCode()).isEqualTo(401);
                assertThat(first.withBearer(clerk).get("/api/v2/employees").statusCode()).isEqualTo(401);
                String renewed = second.signIn("clerk", "set while Redis was frozen");
                assertThat(first.withBearer(renewed).get("/api/v2/auth/me").statusCode()).isEqualTo(200);
            }
        }
    }

    private static Map<String, String> servers(RedisProcess redis) {
        TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
        return Map.of(
                "ATTENDANCE_DB_URL", database.jdbcUrl(),
                "ATTENDANCE_DB_USER", database.user(),
                "ATTENDANCE_DB_PASSWORD", database.password(),
                "ATTENDANCE_DB_POOL_SIZE", "4",
                "ATTENDANCE_REDIS_URL", redis.url());
    }

    /** A manager, signed in, whose session both instances accept. */
    private static String clerkSignedIn(RunningService admin, RunningService first, RunningService second) {
        assertThat(admin.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"" + CLERK_PASSWORD
                + "\",\"roles\":[\"MANAGER\"]}").statusCode()).isEqualTo(201);
        String clerk = first.signIn("clerk", CLERK_PASSWORD);
        assertThat(first.withBearer(clerk).get("/api/v2/auth/me").statusCode()).isEqualTo(200);
        assertThat(second.withBearer(clerk).get("/api/v2/employees").statusCode()).isEqualTo(200);
        return clerk;
    }
}
