package io.attendance.adapter.http;

import static io.attendance.adapter.http.CreateAttendanceV1Test.bodyOfSize;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request bodies are bounded in time (408 past the deadline, connection closed), in memory per
 * request (buffers grow with what arrives) and across requests (a budget, 503 beyond it), over raw
 * sockets that send bodies as slowly as an attacker would.
 */
class RequestBodyBoundsTest {
    private static final Duration PATIENCE = RunningApi.PATIENCE;
    /** Between two bytes of a trickle: long enough that the deadline falls between them, not on one. */
    private static final Duration TRICKLE_PAUSE = Duration.ofSeconds(1);
    /** Not a whole number of trickle pauses, so that the deadline falls between two bytes. */
    private static final Duration DEADLINE = Duration.ofMillis(2_500);
    private static final int MIB = 1024 * 1024;
    private static final int SMALL = 64 * 1024;

    /** A trickle (a byte a second) and a stall (a byte, then nothing for longer than the deadline). */
    @ParameterizedTest
    @CsvSource({
        "POST, " + V1AttendanceEndpoints.CREATE + ", application/json, message, 1",
        "PUT, " + V2Paths.EMPLOYEES + "/E-1, application/problem+json, status, 1",
        "POST, " + V1AttendanceEndpoints.CREATE + ", application/json, message, 20"})
    void aSlowBodyIsAnswered408WithinTheDeadlineAndItsConnectionClosed(
            String method, String path, String contentType, String field, int pauseSeconds) throws IOException {
        try (RunningApi server = start(MIB, MIB, DEADLINE); Socket socket = announce(server, method, path, MIB)) {
            long started = System.nanoTime();
            String reply = trickleUntilAnswered(socket, method, path, Duration.ofSeconds(pauseSeconds));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(reply).startsWith("HTTP/1.1 408 ").contains("Content-Type: " + contentType);
            assertThat(reply).containsIgnoringCase("Connection: close");
            assertThat(reply).contains("\"" + field + "\"");
            assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.plus(Duration.ofSeconds(10)));
            assertThat(server.get(OperationsEndpoints.LIVE).status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyThatAnnouncesMoreThanItSendsIsNotBufferedUpFront() throws IOException {
        try (RunningApi server = start(MIB, MIB, PATIENCE); Socket slow = announce(server, "POST", V1AttendanceEndpoints.CREATE, MIB)) {
            send(slow, "{\"id\":");
            awaitBuffered(server, bytes -> bytes > 0);

            assertThat(buffered(server)).isLessThanOrEqualTo(RequestBodies.INITIAL_CAPACITY);
            assertThat(server.create("E-1", "Ada", "Present", "2026-11-27").status()).isEqualTo(200);
        }
    }

    @Test
    void bodiesBeyondTheBudgetAre503WithRetryAfterWhileTheOthersSucceed() throws IOException {
        try (RunningApi server = start(SMALL, SMALL, PATIENCE)) {
            byte[] held = bodyOfSize(40 * 1024);
            try (Socket first = announce(server, "POST", V1AttendanceEndpoints.CREATE, held.length)) {
                first.getOutputStream().write(held, 0, 20 * 1024);
                awaitBuffered(server, bytes -> bytes == 32 * 1024);

                Reply v1 = server.post(V1AttendanceEndpoints.CREATE, bodyOfSize(40 * 1024));
                Reply v2 = server.send(HttpRequest.newBuilder(server.uri(RunningApi.employee("E-2")))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bodyOfSize(40 * 1024))));
                first.getOutputStream().write(held, 20 * 1024, held.length - 20 * 1024);

                assertThat(v1.status()).isEqualTo(503);
                assertThat(v1.header("Retry-After")).isEqualTo("1");
                assertThat(v1.message()).isEqualTo(ErrorResponses.UNAVAILABLE);
                assertThat(v2.status()).isEqualTo(503);
                assertThat(v2.header("Retry-After")).isEqualTo("1");
                assertThat(v2.contentType()).isEqualTo(V2ProblemBody.CONTENT_TYPE);
                assertThat(v2.json().get("detail").asText()).isEqualTo(ErrorResponses.UNAVAILABLE);
                assertThat(statusLine(first)).startsWith("HTTP/1.1 200 ");
            }
            assertThat(server.search("E-1").status()).isEqualTo(200);
        }
    }

    @Test
    void theBudgetIsWholeAgainAfterASuccessAFailureA413A408AndAClientThatLeft() throws IOException {
        try (RunningApi server = start(SMALL, SMALL, DEADLINE)) {
            assertThat(server.create("E-2", "Ada", "Present", "2026-11-27").status()).isEqualTo(200);
            assertWhole(server);
            assertThat(server.deliberatelyInvalid().post(V1AttendanceEndpoints.CREATE, "{\"id\":").status()).isEqualTo(400);
            assertWhole(server);
            byte[] tooLarge = bodyOfSize(SMALL + 1);
            assertThat(server.send(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.CREATE))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))))
                    .status()).isEqualTo(413);
            assertWhole(server);
            try (Socket slow = announce(server, "POST", V1AttendanceEndpoints.CREATE, SMALL)) {
                assertThat(trickleUntilAnswered(slow, "POST", V1AttendanceEndpoints.CREATE, TRICKLE_PAUSE))
                        .startsWith("HTTP/1.1 408 ");
            }
            assertWhole(server);
            try (Socket leaving = announce(server, "POST", V1AttendanceEndpoints.CREATE, SMALL)) {
                send(leaving, "x".repeat(10_000));
                awaitBuffered(server, bytes -> bytes > 0);
            }
            assertWhole(server);

            assertThat(server.post(V1AttendanceEndpoints.CREATE, bodyOfSize(SMALL)).status()).isEqualTo(200);
            assertThat(server.get(OperationsEndpoints.METRICS).body()).contains("http_server_request_bodies_buffered_bytes 0");
        }
    }

    @Test
    void fiftySlowBodiesLeaveThreadsToAnswerHealthChecks() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try (RunningApi server = start(MIB, HttpSettings.defaultBodyBudget(MIB), PATIENCE)) {
            for (int i = 0; i < 50; i++) {
                slow.add(announce(server, "POST", V1AttendanceEndpoints.CREATE, MIB));
                send(slow.get(i), "{");
            }
            // every one of them is being read, each holding a request thread
            awaitBuffered(server, bytes -> bytes == 50L * RequestBodies.INITIAL_CAPACITY);

            for (int i = 0; i < 3; i++) {
                assertThat(server.get(OperationsEndpoints.LIVE).status()).isEqualTo(200);
            }
            // answered while all fifty were still held, not once their deadline had freed the threads
            assertThat(buffered(server)).isEqualTo(50.0 * RequestBodies.INITIAL_CAPACITY);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static RunningApi start(long maxBytes, long budget, Duration deadline) {
        return RunningApi.start(new HttpSettings(0, maxBytes, Duration.ZERO)
                .withBodyTimeout(deadline).withBodyBudget(budget), records -> records);
    }

    /** A socket that has sent a request's head announcing {@code length} bytes of body, and no body yet. */
    static Socket announce(RunningApi server, String method, String path, long length) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.api.port());
        socket.setSoTimeout(Math.toIntExact(PATIENCE.toMillis()));
        send(socket, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + server.credentialLines() + "Content-Length: " + length + "\r\n\r\n");
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Sends one byte at a time, the pause apart, until the server answers; then reads the answer to
     * the end of the connection, which the server must close (a read that waits past the patience
     * fails the test). Stops sending as soon as the answer starts, so no byte reaches a closed socket.
     */
    private static String trickleUntilAnswered(Socket socket, String method, String path, Duration pause)
            throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        socket.setSoTimeout(Math.toIntExact(pause.toMillis()));
        while (reply.size() == 0) {
            assertThat(System.nanoTime() - giveUp).as("no answer to a trickling body").isNegative();
            send(socket, " ");
            try {
                int first = in.read();
                assertThat(first).as("the connection closed without an answer").isNotEqualTo(-1);
                reply.write(first);
            } catch (SocketTimeoutException stillWaiting) {
                // no answer yet: send the next byte
            }
        }
        socket.setSoTimeout(Math.toIntExact(PATIENCE.toMillis()));
        reply.write(in.readAllBytes());
        return RawHttp.checkedAnswer(method, path, reply.toByteArray());
    }

    static String statusLine(Socket socket) throws IOException {
        byte[] line = new byte[16];
        int read = socket.getInputStream().readNBytes(line, 0, line.length);
        return new String(Arrays.copyOf(line, read), StandardCharsets.US_ASCII);
    }

    static double buffered(RunningApi server) {
        return server.registry.get(RequestBodies.BUFFERED_GAUGE).gauge().value();
    }

    static void awaitBuffered(RunningApi server, LongPredicate expected) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!expected.test((long) buffered(server))) {
            assertThat(System.nanoTime() - giveUp).as("bytes buffered: %s", buffered(server)).isNegative();
            pause();
        }
    }

    /** Every byte of the budget is back: no request still holds any. */
    private static void assertWhole(RunningApi server) {
        awaitBuffered(server, bytes -> bytes == 0);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
