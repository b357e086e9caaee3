package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged fat jar, started as operators start it: on the test run's PostgreSQL and Redis, and
 * with none configured (embedded mode, the servers then come from inside the jar). Each time it
 * serves and stops gracefully on SIGTERM. Runs after {@code package}, as a failsafe integration test.
 */
class JarSmokeIT {
    private static final Path JAR = Path.of("target", "attendance-api.jar");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void theJarServesTheV1ContractAndStopsGracefullyOnSigterm() throws Exception {
        runJar(TestServers.freshEnvironment(), port -> {
            HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/attendance/create"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-02\"}")));
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(send(port, HttpRequest.newBuilder(uri(port, "/api/v1/attendance/search?id=E-1"))).body())
                    .contains("\"name\":\"Ada\"");
        });
    }

    /** The embedded servers live in a module of their own: the jar must still carry and start them. */
    @Test
    void withNoServerConfiguredTheJarStartsEmbeddedPostgresqlAndRedis() throws Exception {
        String log = runJar(Map.of("ATTENDANCE_DATA_DIR", directory.resolve("data").toString()), port ->
                assertThat(send(port, HttpRequest.newBuilder(uri(port, "/api/v1/attendance/health/detail"))).body())
                        .contains("\"postgresql\":\"up\"", "\"redis\":\"up\""));

        assertThat(log).contains(
                "EMBEDDED MODE: ATTENDANCE_DB_URL is not set", "EMBEDDED MODE: ATTENDANCE_REDIS_URL is not set");
    }

    /** What a test checks on the running jar, given its HTTP port. */
    private interface WhileRunning {
        void check(int port) throws Exception;
    }

    /**
     * Starts the jar with {@code environment} as its only settings, waits until it is ready, runs
     * {@code whileRunning}, stops it with SIGTERM and checks that it stopped cleanly. Returns its log.
     */
    private String runJar(Map<String, String> environment, WhileRunning whileRunning) throws Exception {
        assertThat(JAR).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = directory.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        // settings the build itself runs with must not reach the service
        builder.environment().keySet().removeIf(name -> name.startsWith("ATTENDANCE_") || name.equals("CONFIG_FILE"));
        builder.environment().putAll(environment);
        builder.environment().put("ATTENDANCE_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = builder.start();
        try {
            awaitReady(port, service);
            whileRunning.check(port);
        } finally {
            service.destroy();
        }

        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("Attendance API stopped").doesNotContain("\"level\":\"ERROR\"");
        return output;
    }

    private static void awaitReady(int port, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("service still running").isTrue();
            try {
                if (send(port, HttpRequest.newBuilder(uri(port, "/health/ready"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within 90 s");
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
