package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What requests from one client may cost an instance, in the heap the README advises for production:
 * this class runs alone in a JVM started with {@code -Xmx256m} (a surefire execution of its own).
 * While the load is held, {@code /health/live} must keep answering: the bytes held are counted, and
 * the probes are answered while every held request is still being read, which a server whose threads
 * the load had taken could only do once the bodies' deadline ended them. How fast it answers depends
 * on the machine, and is not asserted here.
 */
class UntrustedRequestCostsTest {
    private static final int CONNECTIONS = 240;
    private static final long MIB = 1024 * 1024;
    private static final LoadLimits ADMITTING_ALL = new LoadLimits(CONNECTIONS, 0, Duration.ofSeconds(30));
    /** Far beyond the probes: the held bodies are still being read after them, however busy the machine. */
    private static final Duration BODY_DEADLINE = Duration.ofMinutes(2);

    @Test
    void runsInTheAdvisedHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256 * MIB);
    }

    @Test
    void bodiesAnnouncedWithoutCredentialsAreRefusedUnreadAndCostNothing() throws IOException {
        // every one of them admitted at once: on a busy machine some would otherwise be shed (503) by the
        // load limits before their credentials were checked, and the limits are not what is measured here
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS.withLoadLimits(ADMITTING_ALL), records -> records)) {
            server.actAnonymously();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    String path = i % 2 == 0 ? V1AttendanceEndpoints.CREATE : V2Paths.BATCH;
                    Socket socket = RequestBodyBoundsTest.announce(server, "POST", path, MIB);
                    RequestBodyBoundsTest.send(socket, "[");
                    sockets.add(socket);
                }
                for (Socket socket : sockets) {
                    assertThat(RequestBodyBoundsTest.statusLine(socket)).startsWith("HTTP/1.1 401 ");
                }
                assertThat(RequestBodyBoundsTest.buffered(server)).isZero();
                assertLiveAnswers(server);
            } finally {
                closeAll(sockets);
            }
        }
    }

    @Test
    void bodiesTricklingInFromAClientWithCredentialsHoldOnlyWhatArrivedAndLeaveHealthAnswering() throws IOException {
        // every one of them admitted at once: what is measured is what bodies being read cost, not the load limits
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS.withLoadLimits(ADMITTING_ALL)
                .withBodyTimeout(BODY_DEADLINE), records -> records)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Socket socket = RequestBodyBoundsTest.announce(server, "POST", V2Paths.BATCH, MIB);
                    RequestBodyBoundsTest.send(socket, "[");
                    sockets.add(socket);
                }
                // each body being read holds its first buffer, not the megabyte it announced
                long held = (long) CONNECTIONS * RequestBodies.INITIAL_CAPACITY;
                RequestBodyBoundsTest.awaitBuffered(server, bytes -> bytes == held);
                assertLiveAnswers(server);
                assertThat(RequestBodyBoundsTest.buffered(server)).as("every body still being read after the probes")
                        .isEqualTo(held);
            } finally {
                closeAll(sockets);
            }
        }
    }

    @Test
    void aBatchOfHalfAMillionItemsIsRefusedByItsCountWithAShortAnswer() {
        try (RunningApi server = RunningApi.start()) {
            StringBuilder body = new StringBuilder("[1");
            while (body.length() < MIB - 2) {
                body.append(",1");
            }
            RunningApi.Reply reply = server.deliberatelyInvalid().post(V2Paths.BATCH, body.append(']').toString());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
            assertLiveAnswers(server);
        }
    }

    /** Ten probes, each answered 200 (within the client's patience: a probe left waiting fails). */
    private static void assertLiveAnswers(RunningApi server) {
        for (int i = 0; i < 10; i++) {
            assertThat(server.get(OperationsEndpoints.LIVE).status()).as("/health/live under load").isEqualTo(200);
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
