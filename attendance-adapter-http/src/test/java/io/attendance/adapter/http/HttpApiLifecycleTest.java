package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start on a free port, stop gracefully. */
class HttpApiLifecycleTest {

    @Test
    void portZeroPicksAFreePort() {
        try (RunningApi first = RunningApi.start(); RunningApi second = RunningApi.start()) {
            assertThat(first.api.port()).isPositive();
            assertThat(second.api.port()).isPositive().isNotEqualTo(first.api.port());
        }
    }

    @Test
    void closeStopsAcceptingAndLetsTheRequestInFlightFinish() throws Exception {
        GeneratedAttendanceRecords records = GeneratedAttendanceRecords.pausingAt(1_000, 500);
        RunningApi server = RunningApi.start(HttpSettings.onPort(0), ignored -> records);
        int port = server.api.port();
        CompletableFuture<HttpResponse<String>> inFlight = server.client().sendAsync(
                server.authorized(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH_ALL)).build()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(records.paused.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(port);
        assertThat(closing).isNotDone();
        records.release.countDown();

        // the answer's thousand records are checked against the OpenAPI document before the future completes
        HttpResponse<String> response = inFlight.get(RunningApi.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApi.JSON.readTree(response.body())).hasSize(1_000);
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closeCutsARequestThatOutlastsTheStopTimeoutAndReturns() throws Exception {
        GeneratedAttendanceRecords records = GeneratedAttendanceRecords.pausingAt(1_000, 0);
        RunningApi server = RunningApi.start(new HttpSettings(0, 1_024, Duration.ofMillis(300)), ignored -> records);
        CompletableFuture<HttpResponse<String>> stuck = server.client().sendAsync(
                server.authorized(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH_ALL)).build()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(records.paused.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        // the request stays held until released below: closing returns without it, however busy the machine
        // (the bound only guards against a hang, and stays under the 30 s after which the request ends by itself)
        CompletableFuture.runAsync(server::close).get(20, TimeUnit.SECONDS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        records.release.countDown();

        assertThat(tookMillis).as("waited the stop timeout first").isGreaterThanOrEqualTo(250L);
        assertThat(stuck).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void closingTwiceIsHarmless() {
        RunningApi server = RunningApi.start();
        server.close();
        server.close();
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> new HttpSettings(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(65_536, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(0, 1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpSettings.onPort(8080).maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(HttpSettings.onPort(8080).defaultTimezone()).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> new HttpSettings(0, 1, Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections");
    }
}
