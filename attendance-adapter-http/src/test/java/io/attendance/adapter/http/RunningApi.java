package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.CheckHealth;
import io.attendance.application.LookUpAttendance;
import io.attendance.application.RecordAttendance;
import io.attendance.domain.fake.InMemoryAttendanceRecords;
import io.attendance.domain.fake.InMemoryDatabase;
import io.attendance.domain.fake.InMemoryEmployees;
import io.attendance.domain.fake.InMemoryReadCache;
import io.attendance.domain.port.AttendanceRecords;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The HTTP API started on a free port over the application's use cases and the domain's in-memory
 * fakes, with a fixed clock, and a client that speaks real HTTP to it. As a field annotated
 * {@code @RegisterExtension}, a fresh one serves each test and is closed after it.
 */
final class RunningApi implements AutoCloseable, AfterEachCallback {
    /** "Today" for every test: 2026-11-28, so the booking window ends on 2027-11-29. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryDatabase database = new InMemoryDatabase();
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    final AtomicBoolean cacheUp = new AtomicBoolean(true);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpApi api;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningApi(HttpSettings settings, UnaryOperator<AttendanceRecords> records) {
        InMemoryEmployees employees = new InMemoryEmployees(database);
        AttendanceRecords attendanceRecords = records.apply(new InMemoryAttendanceRecords(database));
        InMemoryReadCache cache = new InMemoryReadCache();
        api = new HttpApi(
                settings,
                new RecordAttendance(database, employees, attendanceRecords, cache, CLOCK),
                new LookUpAttendance(attendanceRecords, cache, 1_000),
                new CheckHealth(databaseUp::get, cacheUp::get),
                registry);
        api.start();
    }

    /**
     * The default settings on a free port, except no graceful stop: waiting for the client's idle
     * keep-alive connection would add a second to every test ({@link HttpApiLifecycleTest} covers it).
     */
    static final HttpSettings SETTINGS = new HttpSettings(0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, Duration.ZERO);

    static RunningApi start() {
        return start(SETTINGS, records -> records);
    }

    /** Started over other attendance records, such as a decorator of the in-memory ones. */
    static RunningApi start(HttpSettings settings, UnaryOperator<AttendanceRecords> records) {
        return new RunningApi(settings, records);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + api.port() + pathAndQuery);
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Reply post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POSTs the v1 create body with the given fields; a null field is left out. */
    Reply create(String id, String name, String status, String date) {
        StringBuilder body = new StringBuilder("{");
        appendField(body, "id", id);
        appendField(body, "name", name);
        appendField(body, "status", status);
        appendField(body, "date", date);
        return post(AttendanceV1Endpoints.CREATE, body.append('}').toString());
    }

    Reply search(String id) {
        return get(AttendanceV1Endpoints.SEARCH + "?id=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private static void appendField(StringBuilder body, String name, String value) {
        if (value == null) {
            return;
        }
        if (body.length() > 1) {
            body.append(',');
        }
        try {
            body.append(JSON.writeValueAsString(name)).append(':').append(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server answered. */
    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String message() {
            return json().get("message").asText();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}
