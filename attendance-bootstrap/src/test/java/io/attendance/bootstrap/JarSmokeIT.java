package io.attendance.bootstrap;

import static io.attendance.bootstrap.RunningJar.send;
import static io.attendance.bootstrap.RunningJar.withAdministrator;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged fat jar, started as operators start it: on the test run's PostgreSQL and Redis, and
 * with none configured (embedded mode, the servers then come from inside the jar). It serves v1 to a
 * signed-in caller and stops gracefully on SIGTERM, finishing the requests it has accepted. Runs
 * after {@code package}, as a failsafe integration test.
 */
class JarSmokeIT {
    private static final Duration PATIENCE = RunningJar.PATIENCE;

    /** The line of the boxed first-run message that shows the generated password. */
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("^ {2}password: (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path directory;

    @Test
    void theJarServesTheV1ContractToASignedInCallerAndStopsGracefullyOnSigterm() throws Exception {
        RunningJar jar = RunningJar.start(directory);
        try {
            HttpRequest.Builder create = HttpRequest.newBuilder(jar.uri("/api/v1/attendance/create"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-02\"}"));
            assertThat(send(create.copy()).statusCode()).as("without credentials").isEqualTo(401);
            String bearer = "Bearer " + jar.signIn(RunningService.ADMIN_PASSWORD);
            assertThat(send(create.header("Authorization", bearer)).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(jar.uri("/api/v1/attendance/search?id=E-1"))
                    .header("Authorization", bearer)).body())
                    .contains("\"name\":\"Ada\"");
        } finally {
            jar.process.destroy();
        }

        jar.assertStoppedCleanly();
    }

    /** No server configured: the jar starts its own, with their data in the test's directory. */
    private Map<String, String> embeddedMode() {
        return Map.of("ATTENDANCE_DATA_DIR", directory.resolve("data").toString());
    }

    /**
     * The embedded servers live in a module of their own: the jar must still carry and start them.
     * With no password given, the first administrator's is generated and shown once, in the boxed
     * message and in no JSON log line.
     */
    @Test
    void withNoServerConfiguredTheJarStartsEmbeddedPostgresqlAndRedisAndShowsTheAdministratorPasswordOnce()
            throws Exception {
        RunningJar jar = RunningJar.start(directory, embeddedMode());
        try {
            assertThat(send(HttpRequest.newBuilder(jar.uri("/api/v1/attendance/health/detail"))).body())
                    .contains("\"postgresql\":\"up\"", "\"redis\":\"up\"");
            Matcher shown = GENERATED_PASSWORD.matcher(Files.readString(jar.log));
            assertThat(shown.find()).as("the generated password in the output").isTrue();
            String password = shown.group(1);
            String token = jar.signIn(password);
            assertThat(send(HttpRequest.newBuilder(jar.uri("/api/v2/auth/me"))
                    .header("Authorization", "Bearer " + token)).body()).contains("\"ADMIN\"");
            assertThat(Files.readString(jar.log).split(Pattern.quote(password), -1))
                    .as("pieces of the output around the password").hasSize(2);
        } finally {
            jar.process.destroy();
        }

        jar.assertStoppedCleanly();
        assertThat(Files.readString(jar.log)).contains(
                "EMBEDDED MODE: ATTENDANCE_DB_URL is not set", "EMBEDDED MODE: ATTENDANCE_REDIS_URL is not set");
    }

    /**
     * Each batch is in its handler before the signal: the server has asked for its body
     * ({@code 100 Continue}, sent once the handler starts reading), so it was accepted for certain.
     * The bodies go out right after the signal (the stopping server gives an idle connection about a
     * second), and the batches are written while the service stops: they take about a second on a
     * busy 2-core machine, ten times what closing the listener takes and a tenth of the stop timeout.
     */
    @ParameterizedTest(name = "embedded servers: {0}")
    @ValueSource(booleans = {false, true})
    void onSigtermTheAcceptedRequestsFinishWhileNewConnectionsAreRefused(boolean embedded) throws Exception {
        RunningJar jar = embedded ? RunningJar.start(directory, withAdministrator(embeddedMode())) : RunningJar.start(directory);
        List<HeldRequest> inFlight = new ArrayList<>();
        try {
            String bearer = "Bearer " + jar.signIn(RunningService.ADMIN_PASSWORD);
            for (int batch = 0; batch < 4; batch++) {
                String employee = "S-" + batch;
                assertThat(send(HttpRequest.newBuilder(jar.uri("/api/v2/employees/" + employee))
                        .header("Content-Type", "application/json")
                        .header("Authorization", bearer)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Sam " + batch + "\"}"))).statusCode())
                        .isEqualTo(201);
                inFlight.add(HeldRequest.open(jar.port, "/api/v2/attendance/batch", bearer, batchOf(employee, 50)));
            }

            jar.process.destroy();
            for (HeldRequest request : inFlight) {
                request.sendBody();
            }

            awaitRefused(jar.port);
            assertThat(jar.process.isAlive()).as("still writing the batches when it refused a connection").isTrue();
            for (HeldRequest request : inFlight) {
                assertThat(request.readAnswer())
                        .startsWith("HTTP/1.1 200 ")
                        .endsWith("\r\n\r\n{\"created\":50,\"updated\":0,\"unchanged\":0}");
            }
        } finally {
            for (HeldRequest request : inFlight) {
                request.socket.close();
            }
            jar.process.destroy();
        }

        jar.assertStoppedCleanly();
    }

    private static byte[] batchOf(String employee, int days) {
        StringBuilder json = new StringBuilder("[");
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int day = 0; day < days; day++) {
            json.append(day == 0 ? "" : ",").append("{\"employeeId\":\"").append(employee)
                    .append("\",\"date\":\"").append(first.plusDays(day)).append("\",\"status\":\"Present\"}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                throw new AssertionError("connecting to port " + port + " failed otherwise than refused", other);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("port " + port + " still accepts connections " + PATIENCE.toSeconds() + " s after SIGTERM");
    }

    /**
     * A POST on a plain socket that announces its body with {@code Expect: 100-continue} and sends it
     * only when told to: the server's {@code 100 Continue} is the proof that the request is in its
     * handler.
     */
    private static final class HeldRequest {
        private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)\r\n");

        final Socket socket;
        private final InputStream in;
        private final byte[] body;

        private HeldRequest(Socket socket, byte[] body) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.body = body;
        }

        static HeldRequest open(int port, String path, String authorization, byte[] body) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(Math.toIntExact(PATIENCE.toMillis()));
            HeldRequest request = new HeldRequest(socket, body);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Expect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(request.readHead()).as("the interim answer").startsWith("HTTP/1.1 100 ");
            return request;
        }

        void sendBody() throws IOException {
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
        }

        /** The whole answer, head and body; the body as long as the head said. */
        String readAnswer() throws IOException {
            String head = readHead();
            byte[] rest = in.readAllBytes();
            Matcher length = CONTENT_LENGTH.matcher(head);
            assertThat(length.find()).as("a Content-Length in %s", head).isTrue();
            assertThat(rest).as("the body of %s", head).hasSize(Integer.parseInt(length.group(1)));
            return head + new String(rest, StandardCharsets.UTF_8);
        }

        /** The status line and headers, up to and with the empty line. */
        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("connection closed after '" + head.toString(StandardCharsets.US_ASCII) + "'");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
