package io.attendance.bootstrap;

import static io.attendance.bootstrap.RunningService.ADMIN;
import static io.attendance.bootstrap.RunningService.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.embedded.EmbeddedRedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control of the whole service on real PostgreSQL and Redis: what one instance ends, every
 * instance refuses at once; an idle session ends when the configured idle time says; sign-in
 * failures are counted across instances; a Redis outage stops
 * sessions but not API keys; metrics on their own port are open and on the API port are not.
 */
class AccessSystemTest {
    private static final String CLERK_PASSWORD = "clerk-password-0123";

    @TempDir
    Path redisDirectory;

    @Test
    void aSessionEndedOrAUserDeletedOnOneInstanceIsRefusedByTheOtherAtOnce() {
        Map<String, String> servers = TestServers.freshEnvironment();
        try (RunningService first = RunningService.start(servers);
             RunningService second = RunningService.start(servers)) {
            String token = first.signIn(ADMIN, ADMIN_PASSWORD);
            assertThat(second.withBearer(token).get("/api/v2/auth/me").statusCode()).isEqualTo(200);

            assertThat(first.withBearer(token).post("/api/v2/auth/logout", "").statusCode()).isEqualTo(204);

            assertThat(second.withBearer(token).get("/api/v2/auth/me").statusCode()).isEqualTo(401);

            assertThat(first.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"" + CLERK_PASSWORD
                    + "\",\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(201);
            RunningService clerk = second.withBearer(second.signIn("clerk", CLERK_PASSWORD));
            String clerksKey = clerk.issueApiKey("time-clock", "VIEWER");
            assertThat(clerk.get("/api/v2/employees").statusCode()).isEqualTo(200);
            assertThat(second.withApiKey(clerksKey).get("/api/v2/employees").statusCode()).isEqualTo(200);

            assertThat(first.delete("/api/v2/users/clerk").statusCode()).isEqualTo(204);

            assertThat(clerk.get("/api/v2/employees").statusCode()).as("the deleted user's session").isEqualTo(401);
            assertThat(second.withApiKey(clerksKey).get("/api/v2/employees").statusCode())
                    .as("the key the deleted user issued").isEqualTo(401);
        }
    }

    @Test
    void aSessionIdleLongerThanTheConfiguredTimeHasEnded() throws Exception {
        Map<String, String> servers = new HashMap<>(TestServers.freshEnvironment());
        servers.put("ATTENDANCE_SESSION_IDLE", "2s");
        try (RunningService service = RunningService.start(servers)) {
            RunningService signedIn = service.withBearer(service.signIn(ADMIN, ADMIN_PASSWORD));
            assertThat(signedIn.get("/api/v2/auth/me").statusCode()).isEqualTo(200);

            Thread.sleep(3_500);

            assertThat(signedIn.get("/api/v2/auth/me").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theSixthWrongPasswordForOneNameIsRefusedWith429CountingBothInstances() {
        Map<String, String> servers = TestServers.freshEnvironment();
        try (RunningService first = RunningService.start(servers);
             RunningService second = RunningService.start(servers)) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(first.login(ADMIN, "wrong-password-" + attempt).statusCode()).isEqualTo(401);
            }
            for (int attempt = 4; attempt <= 5; attempt++) {
                assertThat(second.login(ADMIN, "wrong-password-" + attempt).statusCode()).isEqualTo(401);
            }

            HttpResponse<String> sixth = second.login(ADMIN, "wrong-password-6");

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(first.login(ADMIN, ADMIN_PASSWORD).statusCode())
                    .as("the right password too, until the window ends").isEqualTo(429);
        }
    }

    @Test
    void withTheSessionStoreDownSignInAndBearerTokensAnswer503WhileApiKeysStillWork() {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisDirectory);
        Map<String, String> servers = new HashMap<>(TestServers.freshEnvironment());
        servers.put("ATTENDANCE_REDIS_URL", redis.url());
        try (RunningService service = RunningService.start(servers)) {
            String key = service.issueApiKey("payroll-sync", "ADMIN");
            String token = service.signIn(ADMIN, ADMIN_PASSWORD);

            redis.close();

            assertUnavailable(service.login(ADMIN, ADMIN_PASSWORD));
            assertUnavailable(service.withBearer(token).get("/api/v2/employees"));
            assertThat(service.withApiKey(key).get("/api/v2/employees").statusCode()).isEqualTo(200);
            assertThat(service.withApiKey(key).put("/api/v2/employees/E-1", "{\"name\":\"Ada\"}").statusCode())
                    .isEqualTo(201);
        } finally {
            redis.close();
        }
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"detail\":\"session store unavailable\"");
    }

    @Test
    void theMetricsPortServesMetricsOpenlyWhileTheApiPortWantsAnAdministrator() throws Exception {
        int metricsPort = SharedStateSystemTest.unusedPort();
        Map<String, String> servers = new HashMap<>(TestServers.freshEnvironment());
        servers.put("ATTENDANCE_METRICS_PORT", Integer.toString(metricsPort));
        try (RunningService service = RunningService.start(servers)) {
            String adminKey = service.issueApiKey("scraper", "ADMIN");
            String viewerKey = service.issueApiKey("dashboard", "VIEWER");

            assertThat(service.anonymous().deliberatelyInvalid().get("/metrics").statusCode()).isEqualTo(401);
            assertThat(service.withApiKey(viewerKey).get("/metrics").statusCode()).isEqualTo(403);
            HttpResponse<String> asAdministrator = service.withApiKey(adminKey).get("/metrics");
            assertThat(asAdministrator.statusCode()).isEqualTo(200);
            assertThat(asAdministrator.body()).contains("jvm_memory_used_bytes");

            // the metrics port serves /metrics alone and openly: it is no server of the API the document describes
            HttpResponse<String> open = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).contains("jvm_memory_used_bytes", "http_server_requests");
        }
    }
}
