package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Beyond the requests running and those queued, the server answers 503 at once instead of queueing
 * without end; a queued request answers 503 at its deadline; the probes and {@code /metrics} are
 * served throughout.
 */
class LoadSheddingTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** One request runs, two wait. */
    private static final LoadLimits LIMITS = new LoadLimits(1, 2, DEADLINE);

    @Test
    void requestsBeyondTheLimitsAre503WithRetryAfterWhileTheProbesAnswerAndTheServiceRecovers() throws Exception {
        GeneratedAttendanceRecords records = GeneratedAttendanceRecords.pausingAt(10, 5);
        ListAppender<ILoggingEvent> logged = capture();
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS.withLoadLimits(LIMITS), ignored -> records)) {
            CompletableFuture<HttpResponse<String>> running = server.client().sendAsync(
                    server.authorized(HttpRequest.newBuilder(server.uri(V1AttendanceEndpoints.SEARCH_ALL)).build()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(records.paused.await(10, TimeUnit.SECONDS)).as("the one request running").isTrue();

            List<CompletableFuture<Timed>> beyond = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                beyond.add(CompletableFuture.supplyAsync(() -> Timed.get(server, V2Paths.EMPLOYEES)));
            }
            for (String probe : List.of(OperationsEndpoints.LIVE, OperationsEndpoints.READY, OperationsEndpoints.METRICS)) {
                assertThat(server.get(probe).status()).as("%s while overloaded", probe).isEqualTo(200);
            }
            List<Timed> answers = beyond.stream().map(CompletableFuture::join).toList();

            assertThat(answers).extracting(answer -> answer.reply.status()).containsOnly(503);
            for (Timed answer : answers) {
                assertThat(answer.reply.header("Retry-After")).isEqualTo("2");
                assertThat(answer.reply.header(LoadShedding.RETRY_AFTER_MS)).isEqualTo("2000");
                assertThat(answer.reply.header("Content-Type")).startsWith(V2ProblemBody.CONTENT_TYPE);
                assertThat(answer.reply.body()).contains("\"status\":503", ErrorResponses.UNAVAILABLE);
            }
            // two waited their deadline (a floor no busy machine lowers); the counters tell the four that found
            // the queue full, which Jetty turns away without suspending them, from the two
            assertThat(answers.stream().filter(answer -> answer.took.compareTo(DEADLINE) >= 0)).hasSizeGreaterThanOrEqualTo(2);
            System.out.printf("time to 503: %s ms%n", answers.stream().map(answer -> answer.took.toMillis()).sorted().toList());
            assertThat(server.get(OperationsEndpoints.METRICS).body()).contains(
                    "http_server_requests_shed_total{reason=\"queue-full\"} 4.0",
                    "http_server_requests_shed_total{reason=\"deadline\"} 2.0");
            assertThat(logged.list).as("one line for the burst, no stack trace").singleElement()
                    .satisfies(event -> assertThat(event.getThrowableProxy()).isNull());

            records.release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(server.get(V2Paths.EMPLOYEES).status()).as("once the load has passed").isEqualTo(200);
        } finally {
            ((Logger) LoggerFactory.getLogger(LoadShedding.class)).detachAppender(logged);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoadShedding.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private record Timed(RunningApi.Reply reply, Duration took) {
        static Timed get(RunningApi server, String path) {
            long started = System.nanoTime();
            RunningApi.Reply reply = server.get(path);
            return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
