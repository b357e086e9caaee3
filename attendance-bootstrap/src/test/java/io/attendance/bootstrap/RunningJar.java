package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.ConformingHttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged fat jar in a process of its own, as operators start it, logging to a file; for the
 * failsafe tests that run after {@code package}.
 */
final class RunningJar {
    static final Path JAR = Path.of("target", "attendance-api.jar");
    /** Holds every exchange to the OpenAPI document, as {@link RunningService}'s client does. */
    static final HttpClient CLIENT = ConformingHttpClient.of(HttpClient.newHttpClient());
    /**
     * What the JVM exits with once a SIGTERM-started shutdown has run its hooks: 128 + 15. Main keeps
     * it rather than forcing 0, so a supervisor sees the process ended on its signal; systemd
     * ({@code SuccessExitStatus=143}) and Kubernetes count it as a clean stop.
     */
    static final int STOPPED_BY_SIGTERM = 143;
    /** Generous: the machine running the tests may be busy with other builds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final Process process;
    final int port;
    final Path log;

    private RunningJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The settings with the first administrator's password given. */
    static Map<String, String> withAdministrator(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.put("ATTENDANCE_ADMIN_PASSWORD", RunningService.ADMIN_PASSWORD);
        return settings;
    }

    /** On the test run's PostgreSQL and Redis, with the first administrator's password given. */
    static RunningJar start(Path directory) throws Exception {
        return start(directory, withAdministrator(TestServers.freshEnvironment()));
    }

    /** With {@code environment} as its only settings, logging to {@code service.log} in {@code directory}. */
    static RunningJar start(Path directory, Map<String, String> environment) throws Exception {
        return start(directory.resolve("service.log"), environment, freePort());
    }

    /** With {@code environment} as its only settings, on {@code port}, logging to {@code log}. */
    static RunningJar start(Path log, Map<String, String> environment, int port) throws Exception {
        assertThat(JAR).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        // settings the build itself runs with must not reach the service
        builder.environment().keySet().removeIf(name -> name.startsWith("ATTENDANCE_") || name.equals("CONFIG_FILE"));
        // no drain unless a test asks for one: the tests that stop the jar need not wait for load balancers
        builder.environment().put("ATTENDANCE_SHUTDOWN_DRAIN_DELAY", "0s");
        builder.environment().putAll(environment);
        builder.environment().put("ATTENDANCE_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        RunningJar jar = new RunningJar(builder.start(), port, log);
        try {
            jar.awaitReady();
        } catch (Exception | AssertionError e) {
            jar.process.destroyForcibly();
            throw e;
        }
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Signs in as the first administrator and gives the session's token. */
    String signIn(String password) throws Exception {
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/api/v2/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + RunningService.ADMIN + "\",\"password\":\"" + password + "\"}")));
        assertThat(signedIn.statusCode()).as("sign-in: %s", signedIn.body()).isEqualTo(200);
        return RunningService.token(signedIn);
    }

    void assertStoppedCleanly() throws Exception {
        boolean stopped = process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly();
        }
        assertThat(stopped).as("stopped within %d s of SIGTERM", PATIENCE.toSeconds()).isTrue();
        assertThat(process.exitValue()).as("exit code").isEqualTo(STOPPED_BY_SIGTERM);
        assertThat(Files.readString(log)).contains("Attendance API stopped").doesNotContain("\"level\":\"ERROR\"");
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("service still running").isTrue();
            try {
                if (send(HttpRequest.newBuilder(uri("/health/ready"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within 90 s");
    }
}
