package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a caller limited to its own employee sees, that cached answers never cross from one caller's
 * rights to another's, the v1 routes opened for the OT front-end, and metrics on their own port.
 */
class OwnDataV2Test {

    @Nested
    class AnEmployee {
        @RegisterExtension
        final RunningApi server = RunningApi.start();
        private final String[] ada;

        AnEmployee() {
            server.putEmployee("E-1", "Ada Lovelace");
            server.putEmployee("E-2", "Bob");
            server.putRecord("E-1", "2026-11-27", "{\"status\":\"Present\"}");
            server.putRecord("E-2", "2026-11-27", "{\"status\":\"Absent\"}");
            ada = server.keyFor(Role.EMPLOYEE, "E-1").toArray(String[]::new);
        }

        @Test
        void searchesOnlyTheirOwnRecordsAndIsRefusedAnyoneElses() {
            RunningApi.Reply own = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30", ada);
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().get("items")).extracting(item -> item.get("employeeId").asText()).containsExactly("E-1");

            assertThat(server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30&employeeId=E-2", ada).status())
                    .isEqualTo(403);
            assertThat(server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30&employeeId=E-1", ada).status())
                    .isEqualTo(200);
        }

        @Test
        void neverGetsAnAnswerCachedForSomeoneWithMoreRights() {
            // the administrator's reads fill the cache with Bob's employee, record and listing first
            String[] reads = {RunningApi.employee("E-2"), RunningApi.record("E-2", "2026-11-27"),
                RunningApi.employee("E-2") + "/attendance?from=2026-11-01&to=2026-11-30", V2Paths.EMPLOYEES,
                V1AttendanceEndpoints.SEARCH + "?id=E-2", V1AttendanceEndpoints.SEARCH_ALL};
            for (String read : reads) {
                assertThat(server.get(read).status()).as(read).isEqualTo(200);
            }
            for (String read : reads) {
                RunningApi.Reply refused = server.get(read, ada);
                assertThat(refused.status()).as(read).isEqualTo(403);
                assertThat(refused.body()).as(read).doesNotContain("Bob").doesNotContain("Absent");
            }
            RunningApi.Reply all = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30");
            assertThat(all.json().get("items")).hasSize(2);
            RunningApi.Reply own = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30", ada);
            assertThat(own.json().get("items")).as("the same search narrowed, not the cached page").hasSize(1);
        }
    }

    @Nested
    class TheV1ContractOpened {
        @RegisterExtension
        final RunningApi server = RunningApi.start(RunningApi.SETTINGS.withV1CredentialsRequired(false), records -> records);

        @Test
        void answersCallersWithoutCredentialsAndAuditsThemAsAnonymous() {
            server.actAnonymously();

            assertThat(server.create("E-1", "Ada Lovelace", "Present", "2026-11-27").status()).isEqualTo(200);
            assertThat(server.search("E-1").status()).isEqualTo(200);
            assertThat(server.get(V1AttendanceEndpoints.SEARCH_ALL).status()).isEqualTo(200);
            assertThat(server.get(V2Paths.EMPLOYEES).status()).as("v2 stays closed").isEqualTo(401);

            server.actAs(server.keyFor(Role.VIEWER));
            RunningApi.Reply history = server.get(RunningApi.record("E-1", "2026-11-27") + "/history");
            assertThat(history.json().get("items").get(0).get("actor").asText()).isEqualTo("anonymous");
        }
    }

    @Nested
    class TheV1ContractByDefault {
        @RegisterExtension
        final RunningApi server = RunningApi.start();

        @Test
        void needsAManagerToCreateAndAViewerToSearchAndAnswersInItsOwnShape() {
            server.actAnonymously();
            RunningApi.Reply refused = server.create("E-1", "Ada Lovelace", "Present", "2026-11-27");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"attendance\"");
            assertThat(refused.json().has("message")).isTrue();

            server.actAs(server.keyFor(Role.VIEWER));
            assertThat(server.create("E-1", "Ada Lovelace", "Present", "2026-11-27").status()).isEqualTo(403);
            server.actAs(server.keyFor(Role.MANAGER));
            assertThat(server.create("E-1", "Ada Lovelace", "Present", "2026-11-27").status()).isEqualTo(200);
            server.actAs(server.keyFor(Role.VIEWER));
            assertThat(server.search("E-1").status()).isEqualTo(200);
        }
    }

    @Nested
    class MetricsOnTheirOwnPort {
        @RegisterExtension
        final RunningApi server = RunningApi.start(RunningApi.SETTINGS.withMetricsPort(0), records -> records);

        @Test
        void areOpenThereAndNeedAnAdministratorOnTheApiPort() throws Exception {
            int port = server.api.metricsPort().orElseThrow();
            // the metrics port serves /metrics alone and openly: it is no server of the API the document describes
            HttpResponse<String> scraped = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + OperationsEndpoints.METRICS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("http_server_request_bodies_buffered_bytes");
            HttpResponse<String> nothingElse = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + V2Paths.EMPLOYEES)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(nothingElse.statusCode()).isEqualTo(404);

            assertThat(server.get(OperationsEndpoints.METRICS).status()).isEqualTo(200);
            server.actAs(server.keyFor(Role.MANAGER));
            assertThat(server.get(OperationsEndpoints.METRICS).status()).isEqualTo(403);
            server.actAnonymously();
            assertThat(server.deliberatelyInvalid().get(OperationsEndpoints.METRICS).status()).isEqualTo(401);
        }
    }

}
