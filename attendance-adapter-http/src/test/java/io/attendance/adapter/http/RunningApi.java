package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.adapter.http.OpenApiConformance.Intent;
import io.attendance.application.Ports;
import io.attendance.application.UseCaseSettings;
import io.attendance.application.UseCases;
import io.attendance.application.access.IssueApiKeyCommand;
import io.attendance.application.access.IssuedApiKey;
import io.attendance.application.access.SignInPolicy;
import io.attendance.application.reading.CursorCodec;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Persistence;
import io.attendance.testing.ForwardingPersistence;
import io.attendance.testing.InMemoryDayChanges;
import io.attendance.testing.InMemoryLoginAttempts;
import io.attendance.testing.InMemoryPersistence;
import io.attendance.testing.InMemoryReadCache;
import io.attendance.testing.InMemorySessionStore;
import io.attendance.testing.SaltedDigestPasswordHashing;
import io.attendance.testing.SettableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The HTTP API started on a free port over the application's use cases and the in-memory
 * store and fakes of attendance-testing, with a clock that stands still until a test moves it, and a client that speaks real HTTP
 * to it (v1 helpers, and v2 ones that send conditional headers). As a field annotated
 * {@code @RegisterExtension}, a fresh one serves each test and is closed after it. Every exchange is
 * held to the OpenAPI document ({@link ConformingHttpClient}, {@link RawHttp}): the request too, unless
 * the test sends it through {@link #deliberatelyInvalid()}.
 */
final class RunningApi implements AutoCloseable, AfterEachCallback {
    /** "Today" when every test starts: 2026-11-28, so the booking window ends on 2027-11-29. */
    static final Instant START = Instant.parse("2026-11-28T09:30:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] CURSOR_SECRET = "cursor-secret-of-the-http-tests".getBytes(StandardCharsets.UTF_8);
    /** How long a test waits for an answer: long, since test classes share a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    final SettableClock clock;
    final AtomicBoolean databaseUp;
    final AtomicBoolean cacheUp;
    final AtomicBoolean sessionStoreUp;
    final PrometheusMeterRegistry registry;
    final HttpApi api;
    private final ConformingHttpClient client;

    final InMemorySessionStore sessions;
    final UseCases useCases;
    /** The administrator every test starts as, through an API key. */
    final Principal administrator;
    /** The audit trail's name for the administrator's key, which requests send by default. */
    final String administratorKeyActor;
    /** The headers that authenticate requests unless a request brings its own: the administrator's key. */
    private final AtomicReference<List<String>> credentials;
    /** Whether this view's requests are meant to be ones the OpenAPI document allows. */
    private final Intent intent;

    private RunningApi(HttpSettings settings, UnaryOperator<AttendanceRecords> records) {
        clock = new SettableClock(START);
        databaseUp = new AtomicBoolean(true);
        cacheUp = new AtomicBoolean(true);
        sessionStoreUp = new AtomicBoolean(true);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        sessions = new InMemorySessionStore(clock::instant);
        client = ConformingHttpClient.of(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        InMemoryPersistence store = new InMemoryPersistence();
        AttendanceRecords attendanceRecords = records.apply(store.attendanceRecords());
        InMemoryDayChanges days = new InMemoryDayChanges(store.transactions(), store.employees(), attendanceRecords,
                store.auditTrail());
        Persistence persistence = new ForwardingPersistence(store) {
            @Override
            public AttendanceRecords attendanceRecords() {
                return attendanceRecords;
            }

            @Override
            public DayChanges dayChanges() {
                return days;
            }

            @Override
            public HealthProbe healthProbe() {
                return databaseUp::get;
            }
        };
        useCases = UseCases.assemble(
                new Ports(persistence, new InMemoryReadCache(), cacheUp::get, whileUp(sessions),
                        whileUp(new InMemoryLoginAttempts(clock::instant)), new SaltedDigestPasswordHashing()),
                new UseCaseSettings(clock, settings.defaultTimezone(), new CursorCodec(CURSOR_SECRET), 1_000,
                        SignInPolicy.DEFAULT));
        useCases.users().createFirstAdministrator(ADMIN, Password.chosen("password", ADMIN_PASSWORD));
        administrator = Principal.of(ADMIN, new Grant(Set.of(Role.ADMIN), Optional.empty()));
        IssuedApiKey adminKey = issueKey(Role.ADMIN);
        administratorKeyActor = adminKey.key().principal().actor();
        credentials = new AtomicReference<>(headersOf(adminKey));
        intent = Intent.AS_DOCUMENTED;
        api = new HttpApi(settings, useCases, registry);
        api.start();
    }

    private RunningApi(RunningApi server, Intent intent) {
        this.clock = server.clock;
        this.databaseUp = server.databaseUp;
        this.cacheUp = server.cacheUp;
        this.sessionStoreUp = server.sessionStoreUp;
        this.registry = server.registry;
        this.api = server.api;
        this.client = server.client;
        this.sessions = server.sessions;
        this.useCases = server.useCases;
        this.administrator = server.administrator;
        this.administratorKeyActor = server.administratorKeyActor;
        this.credentials = server.credentials;
        this.intent = intent;
    }

    /**
     * The same server, for requests the test sends malformed on purpose (a bad body or parameter, a
     * wrong content type, no credentials): their answers are held to the OpenAPI document, the
     * requests themselves are not. Every other request is held to it too.
     */
    RunningApi deliberatelyInvalid() {
        return new RunningApi(this, Intent.DELIBERATELY_INVALID);
    }

    /**
     * The port answering while {@link #sessionStoreUp} is true, else failing as a session store that
     * cannot be reached does.
     */
    @SuppressWarnings("unchecked")
    private <T> T whileUp(T port) {
        Class<?> type = port.getClass().getInterfaces()[0];
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            if (!sessionStoreUp.get()) {
                throw Unavailable.withPublicReason("session store unavailable", new IllegalStateException("down"));
            }
            try {
                return method.invoke(port, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static final Username ADMIN = new Username("admin");
    static final String ADMIN_PASSWORD = "the administrator's password";

    /** A new API key with this role (and this employee, for EMPLOYEE), issued by the administrator. */
    IssuedApiKey issueKey(Role role, String... employeeId) {
        Optional<EmployeeId> employee = employeeId.length == 0 ? Optional.empty() : Optional.of(new EmployeeId(employeeId[0]));
        return useCases.apiKeys().issue(new IssueApiKeyCommand(role + " key", new Grant(Set.of(role), employee)),
                administrator);
    }

    /** The header that authenticates as a new API key with this role (and this employee, for EMPLOYEE). */
    List<String> keyFor(Role role, String... employeeId) {
        return headersOf(issueKey(role, employeeId));
    }

    static List<String> headersOf(IssuedApiKey key) {
        return List.of(AccessControl.API_KEY_HEADER, key.secret().reveal());
    }

    /** From now on requests without credentials of their own send these headers (name, value...). */
    void actAs(List<String> headers) {
        credentials.set(List.copyOf(headers));
    }

    /** From now on requests without credentials of their own send none. */
    void actAnonymously() {
        credentials.set(List.of());
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

    /** GETs with the given headers, as name, value, name, value... */
    Reply get(String pathAndQuery, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers));
    }

    /** HEADs with the given headers, as name, value, name, value... */
    Reply head(String pathAndQuery, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(pathAndQuery)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                headers));
    }

    Reply put(String path, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    Reply delete(String path, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)).DELETE(), headers));
    }

    /** PUTs a v2 employee with a name only. */
    Reply putEmployee(String id, String name) {
        return put(employee(id), "{\"name\":" + quoted(name) + "}");
    }

    /** PUTs a v2 record with the given JSON body. */
    Reply putRecord(String id, String date, String body, String... headers) {
        return put(record(id, date), body, headers);
    }

    static String employee(String id) {
        return V2Paths.EMPLOYEES + "/" + id;
    }

    static String record(String id, String date) {
        return employee(id) + "/attendance/" + date;
    }

    static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        return headers.length == 0 ? request : request.headers(headers);
    }

    Reply post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply post(String path, byte[] body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers));
    }

    /** POSTs the v1 create body with the given fields; a null field is left out. */
    Reply create(String id, String name, String status, String date) {
        StringBuilder body = new StringBuilder("{");
        appendField(body, "id", id);
        appendField(body, "name", name);
        appendField(body, "status", status);
        appendField(body, "date", date);
        return post(V1AttendanceEndpoints.CREATE, body.append('}').toString());
    }

    Reply search(String id) {
        return get(V1AttendanceEndpoints.SEARCH + "?id=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest authorized = authorized(request.timeout(PATIENCE).build());
            HttpResponse<String> response = intent == Intent.AS_DOCUMENTED
                    ? client.send(authorized, HttpResponse.BodyHandlers.ofString())
                    : client.sendDeliberatelyInvalid(authorized, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request with the current credentials, unless it brings its own. */
    HttpRequest authorized(HttpRequest request) {
        boolean own = request.headers().firstValue("Authorization").isPresent()
                || request.headers().firstValue(AccessControl.API_KEY_HEADER).isPresent();
        List<String> current = credentials.get();
        if (own || current.isEmpty()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).headers(current.toArray(String[]::new)).build();
    }

    /** The current credentials as raw request header lines, each ending in CRLF. */
    String credentialLines() {
        StringBuilder lines = new StringBuilder();
        List<String> current = credentials.get();
        for (int i = 0; i + 1 < current.size(); i += 2) {
            lines.append(current.get(i)).append(": ").append(current.get(i + 1)).append("\r\n");
        }
        return lines.toString();
    }

    /**
     * Sends bytes as they are, for requests no client would send, and answers what came back (its
     * answer held to the document, see {@link RawHttp}).
     */
    String raw(String request) {
        return RawHttp.exchange(api.port(), request);
    }

    ConformingHttpClient client() {
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
        body.append(quoted(name)).append(':').append(quoted(value));
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

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String etag() {
            return header("ETag");
        }

        /** The "field message" of every field error of a v2 problem. */
        List<String> fieldErrors() {
            List<String> errors = new ArrayList<>();
            json().get("errors").forEach(error -> errors.add(error.get("field").asText() + " " + error.get("message").asText()));
            return errors;
        }
    }
}
