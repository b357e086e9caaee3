package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1 health endpoints, the platform probes and the Prometheus scrape. */
class HealthAndMetricsTest {
    private static final String HEALTHY = "Attendance API is running fine and ready to serve requests";
    private static final String UNHEALTHY = "Attendance API is not healthy, please check logs";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @Test
    void healthIsFineWhileTheDatabaseAnswers() {
        Reply health = server.get(V1AttendanceEndpoints.HEALTH);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"message\":\"" + HEALTHY + "\"}");
    }

    @Test
    void healthIs503WhenTheDatabaseProbeSaysDown() {
        server.databaseUp.set(false);

        Reply health = server.get(V1AttendanceEndpoints.HEALTH);

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"message\":\"" + UNHEALTHY + "\"}");
        assertThat(health.header("Retry-After")).isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
    }

    @Test
    void aHeadOfTheReadinessProbeTellsWhatItsGetWould() {
        assertThat(server.head(OperationsEndpoints.READY).status()).isEqualTo(200);

        server.databaseUp.set(false);

        Reply head = server.head(OperationsEndpoints.READY);
        assertThat(head.status()).isEqualTo(503);
        assertThat(head.header("Retry-After")).isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void healthDetailReportsEachServiceUp() {
        Reply detail = server.get(V1AttendanceEndpoints.HEALTH_DETAIL);

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).isEqualTo(
                "{\"message\":\"" + HEALTHY + "\",\"postgresql\":\"up\",\"redis\":\"up\",\"status\":\"up\"}");
    }

    @Test
    void withRedisDownTheServiceIsStillUpAndTheDetailSaysSo() {
        server.cacheUp.set(false);

        Reply detail = server.get(V1AttendanceEndpoints.HEALTH_DETAIL);

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).isEqualTo(
                "{\"message\":\"" + HEALTHY + "\",\"postgresql\":\"up\",\"redis\":\"down\",\"status\":\"up\"}");
        assertThat(server.get(V1AttendanceEndpoints.HEALTH).status()).isEqualTo(200);
        assertThat(server.get(OperationsEndpoints.READY).status()).isEqualTo(200);
    }

    @Test
    void withTheDatabaseDownTheDetailIs503() {
        server.databaseUp.set(false);

        Reply detail = server.get(V1AttendanceEndpoints.HEALTH_DETAIL);

        assertThat(detail.status()).isEqualTo(503);
        assertThat(detail.body()).isEqualTo(
                "{\"message\":\"" + UNHEALTHY + "\",\"postgresql\":\"down\",\"redis\":\"up\",\"status\":\"down\"}");
        assertThat(detail.header("Retry-After")).isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
    }

    @Test
    void livenessIsAlwaysUpAndReadinessFollowsTheDatabase() {
        server.databaseUp.set(false);
        server.cacheUp.set(false);

        Reply live = server.get(OperationsEndpoints.LIVE);
        Reply notReady = server.get(OperationsEndpoints.READY);
        server.databaseUp.set(true);
        Reply ready = server.get(OperationsEndpoints.READY);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"status\":\"down\"}");
        assertThat(notReady.header("Retry-After")).isEqualTo(ErrorResponses.RETRY_AFTER_SECONDS);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.header("Retry-After")).isNull();
    }

    @Test
    void metricsCountRequestsByMethodMatchedRouteAndStatus() {
        server.create("E-1", "Ada", "Present", "2026-11-27");
        server.search("E-1");
        server.search("E-2");
        server.search("E-3");
        server.get("/no/such/path/4711");

        Reply metrics = server.get(OperationsEndpoints.METRICS);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds summary")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/attendance/create\",status=\"200\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/attendance/search\",status=\"200\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/attendance/search\",status=\"404\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"NOT_FOUND\",status=\"404\"} 1")
                .doesNotContain("4711")
                .doesNotContain("E-2");
    }

    @Test
    void requestsWithMadeUpMethodsShareOneSeries() {
        for (String method : new String[] {"FOO", "BAR", "BAZ"}) {
            server.send(java.net.http.HttpRequest.newBuilder(server.uri(OperationsEndpoints.LIVE))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
        }

        assertThat(server.get(OperationsEndpoints.METRICS).body())
                .contains("method=\"OTHER\"")
                .doesNotContain("method=\"FOO\"");
    }
}
