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
 * While the load is held, {@code /health/live} must keep answering within 300 ms: a server busy with
 * the load takes seconds, while a young collection on a shared two-core machine alone can take 100 ms.
 */
class UntrustedRequestCostsTest {
    private static final int CONNECTIONS = 240;
    private static final long MIB = 1024 * 1024;
    private static final Duration LIVE_WITHIN = Duration.ofMillis(300);

    @Test
    void runsInTheAdvisedHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256 * MIB);
    }

    @Test
    void bodiesAnnouncedWithoutCredentialsAreRefusedUnreadAndCostNothing() throws IOException {
        try (RunningApi server = RunningApi.start()) {
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
                assertLiveAnswersPromptly(server);
            } finally {
                closeAll(sockets);
            }
        }
    }

    @Test
    void bodiesTricklingInFromAClientWithCredentialsHoldOnlyWhatArrivedAndLeaveHealthAnswering() throws IOException {
        // every one of them admitted at once: what is measured is what bodies being read cost, not the load limits
        LoadLimits admittingAll = new LoadLimits(CONNECTIONS, 0, Duration.ofSeconds(30));
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS.withLoadLimits(admittingAll), records -> records)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Socket socket = RequestBodyBoundsTest.announce(server, "POST", V2Paths.BATCH, MIB);
                    RequestBodyBoundsTest.send(socket, "[");
                    sockets.add(socket);
                }
                // each body being read holds its first buffer, not the megabyte it announced
                RequestBodyBoundsTest.awaitBuffered(server,
                        bytes -> bytes == (long) CONNECTIONS * RequestBodies.INITIAL_CAPACITY);
                assertLiveAnswersPromptly(server);
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
            assertLiveAnswersPromptly(server);
        }
    }

    /** Ten probes, each answered 200 within {@link #LIVE_WITHIN}, after one that warms the path. */
    private static void assertLiveAnswersPromptly(RunningApi server) {
        server.get(OperationsEndpoints.LIVE);
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            int status = server.get(OperationsEndpoints.LIVE).status();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(status).isEqualTo(200);
            assertThat(took).as("/health/live under load").isLessThan(LIVE_WITHIN);
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
