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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged fat jar, started as operators start it, on real PostgreSQL and Redis: it serves
 * v1 and stops gracefully on SIGTERM. Runs after {@code package}, as a failsafe integration test.
 */
class JarSmokeIT {
    private static final Path JAR = Path.of("target", "attendance-api.jar");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void theJarServesTheV1ContractAndStopsGracefullyOnSigterm() throws Exception {
        assertThat(JAR).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = directory.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        builder.environment().putAll(TestServers.freshEnvironment());
        builder.environment().put("ATTENDANCE_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = builder.start();
        try {
            awaitReady(port, service);

            HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/attendance/create"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-02\"}")));
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(send(port, HttpRequest.newBuilder(uri(port, "/api/v1/attendance/search?id=E-1"))).body())
                    .contains("\"name\":\"Ada\"");
        } finally {
            service.destroy();
        }

        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("Attendance API stopped").doesNotContain("\"level\":\"ERROR\"");
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
