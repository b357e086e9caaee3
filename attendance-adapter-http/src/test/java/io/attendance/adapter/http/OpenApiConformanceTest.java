package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.attendance.adapter.http.OpenApiConformance.Intent;
import io.attendance.adapter.http.OpenApiConformance.Received;
import io.attendance.adapter.http.OpenApiConformance.Sent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks every test's exchanges go through fail an answer the OpenAPI document does not allow,
 * and pass the ones it does: without this, a validator that let everything through would look like
 * a service that conforms.
 */
class OpenApiConformanceTest {
    private static final String RECORD_PATH = "/api/v2/employees/E-1/attendance/2026-11-27";
    private static final String RECORD = "{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\","
            + "\"checkIn\":null,\"checkOut\":null,\"workedMinutes\":null,\"note\":null,\"source\":\"API\",\"version\":1,"
            + "\"createdAt\":\"2026-11-28T09:30:00Z\",\"updatedAt\":\"2026-11-28T09:30:00Z\"}";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"),
            "ETag", List.of("\"1\""));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type", List.of("application/problem+json"));
    private static final Map<String, List<String>> API_KEY = Map.of("X-API-Key", List.of("a key"));

    private final OpenApiConformance conformance = OpenApiConformance.ofTheDocument();
    /** What the stub server answers every request with. */
    private final AtomicReference<String> body = new AtomicReference<>();
    private HttpServer stub;

    @Test
    void aRecordAsTheDocumentDescribesItPasses() {
        assertThatCode(() -> conformance.check(get(RECORD_PATH), answer(200, JSON, RECORD))).doesNotThrowAnyException();
    }

    @Test
    void aRecordWithoutARequiredMemberFails() {
        String withoutVersion = RECORD.replace(",\"version\":1", "");

        assertThatThrownBy(() -> conformance.check(get(RECORD_PATH), answer(200, JSON, withoutVersion)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET " + RECORD_PATH + " answered 200")
                .hasMessageContaining("version");
    }

    @Test
    void aRecordWithAMemberTheDocumentDoesNotNameFails() {
        String withExtra = RECORD.replace("\"note\":null", "\"note\":null,\"internalId\":7");

        assertThatThrownBy(() -> conformance.check(get(RECORD_PATH), answer(200, JSON, withExtra)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("internalId");
    }

    @Test
    void aRecordWithAStatusOfAnotherTypeOrAVersionBelowOneFails() {
        for (String wrong : List.of(RECORD.replace("\"Present\"", "7"), RECORD.replace("\"version\":1", "\"version\":0"))) {
            assertThatThrownBy(() -> conformance.check(get(RECORD_PATH), answer(200, JSON, wrong)))
                    .as(wrong).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aStatusTheOperationDoesNotDocumentFails() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"I'm a teapot\",\"status\":418,\"detail\":\"no\",\"errors\":[]}";

        assertThatThrownBy(() -> conformance.check(get(RECORD_PATH), answer(418, PROBLEM, problem)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    @Test
    void aV2ErrorInTheV1ShapeFails() {
        assertThatThrownBy(() -> conformance.check(get(RECORD_PATH), answer(404, JSON, "{\"message\":\"no record\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("application/json");
    }

    /** The shape a strict validator found refused by the document before it made the reference nullable. */
    @Test
    void theHistoryOfACreationHasNoBeforeAndOfADeletionNoAfter() {
        String created = "{\"at\":\"2026-11-28T09:30:00Z\",\"actor\":\"anonymous\",\"action\":\"CREATED\",\"before\":null,"
                + "\"after\":" + RECORD + "}";
        String deleted = "{\"at\":\"2026-11-28T09:30:00Z\",\"actor\":\"anonymous\",\"action\":\"DELETED\",\"before\":"
                + RECORD + ",\"after\":null}";
        String page = "{\"items\":[" + created + "," + deleted + "],\"nextCursor\":null}";
        String beforeAsText = page.replace("\"before\":null", "\"before\":\"nothing\"");

        assertThatCode(() -> conformance.check(get(RECORD_PATH + "/history"), answer(200, JSON, page)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> conformance.check(get(RECORD_PATH + "/history"), answer(200, JSON, beforeAsText)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("before");
    }

    @Test
    void aRequestTheDocumentDoesNotAllowFailsUnlessSentSoOnPurpose() {
        String refusal = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"limit must be 1 to 1000\","
                + "\"errors\":[{\"field\":\"limit\",\"message\":\"must be 1 to 1000\"}]}";
        Received refused = answer(400, PROBLEM, refusal);

        assertThatThrownBy(() -> conformance.check(get(V2Paths.EMPLOYEES + "?limit=0"), refused))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("limit");
        assertThatCode(() -> conformance.check(
                new Sent("GET", V2Paths.EMPLOYEES + "?limit=0", API_KEY, new byte[0], Intent.DELIBERATELY_INVALID), refused))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> conformance.check(
                new Sent("GET", V2Paths.EMPLOYEES + "?limit=0", API_KEY, new byte[0], Intent.DELIBERATELY_INVALID),
                answer(400, JSON, "{\"message\":\"limit must be 1 to 1000\"}")))
                .as("the answer to an invalid request is held to the document all the same")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aRequestNoOperationMatchesMustBeAnsweredWithADocumentedError() {
        Sent unknown = get("/api/v2/nothing-here");
        String notFound = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Not found\",\"errors\":[]}";

        assertThatCode(() -> conformance.check(unknown, answer(404, PROBLEM, notFound))).doesNotThrowAnyException();
        assertThatThrownBy(() -> conformance.check(unknown, answer(200, JSON, "[]")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no operation");
        assertThatThrownBy(() -> conformance.check(unknown, answer(404, PROBLEM, "{\"detail\":\"Not found\"}")))
                .isInstanceOf(AssertionError.class);
    }

    /** The HTTP client every test uses fails the call itself, also for a body it hands on as a stream. */
    @Test
    void theTestsHttpClientFailsACallWhoseAnswerTheDocumentDoesNotAllow() throws Exception {
        body.set(RECORD.replace(",\"version\":1", ""));
        HttpClient client = ConformingHttpClient.of(HttpClient.newHttpClient());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + RECORD_PATH))
                .header("X-API-Key", "a key").build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("version");
        assertThat(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withRootCauseInstanceOf(AssertionError.class);
        HttpResponse<InputStream> streamed = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = streamed.body()) {
            assertThatThrownBy(in::readAllBytes).hasRootCauseInstanceOf(AssertionError.class);
        }

        body.set(RECORD);
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(RECORD);
    }

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"1\"");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private static Sent get(String target) {
        return new Sent("GET", target, API_KEY, new byte[0], Intent.AS_DOCUMENTED);
    }

    private static Received answer(int status, Map<String, List<String>> headers, String body) {
        return new Received(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
