package io.attendance.bootstrap;

import io.attendance.adapter.http.ConformingHttpClient;
import io.attendance.adapter.http.OpenApiConformance.Intent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole service started in this JVM from environment-style settings, driven over real HTTP. It
 * starts with a first administrator ({@link #ADMIN}, {@link #ADMIN_PASSWORD}) unless the settings say
 * otherwise, signs in as them, and sends that bearer token with every request of this view; {@link #as}
 * and {@link #anonymous()} give views that send other credentials, or none. Every exchange is held to
 * the OpenAPI document ({@link ConformingHttpClient}): the request too, unless a view of
 * {@link #deliberatelyInvalid()} sends it.
 */
final class RunningService implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final ConformingHttpClient CLIENT =
            ConformingHttpClient.of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    private final AttendanceServer service;
    private final Intent intent;
    private final String[] credentials;

    private RunningService(AttendanceServer service, Intent intent, String... credentials) {
        this.service = service;
        this.intent = intent;
        this.credentials = credentials;
    }

    static RunningService start(Map<String, String> environment) {
        return start(environment, System.out);
    }

    /**
     * Signed in as the first administrator when the settings let it be created with a known password
     * and sign-in works (not while Redis is unreachable); else sending no credentials.
     */
    static RunningService start(Map<String, String> environment, PrintStream console) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.putIfAbsent("ATTENDANCE_HTTP_PORT", "0");
        settings.putIfAbsent("ATTENDANCE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        RunningService anonymous = new RunningService(AttendanceServer.start(ConfigLoader.load(settings), console),
                Intent.AS_DOCUMENTED);
        String password = settings.get("ATTENDANCE_ADMIN_PASSWORD");
        if (password.isEmpty()) {
            return anonymous;
        }
        HttpResponse<String> signedIn = anonymous.login(settings.getOrDefault("ATTENDANCE_ADMIN_USERNAME", ADMIN), password);
        return signedIn.statusCode() == 200 ? anonymous.withBearer(token(signedIn)) : anonymous;
    }

    /** The same service, sending these headers ({@code "X-API-Key", key}, ...) as credentials. */
    RunningService as(String... credentialHeaders) {
        return new RunningService(service, intent, credentialHeaders);
    }

    /**
     * The same service and credentials, for requests the test sends malformed on purpose: their
     * answers are held to the OpenAPI document, the requests themselves are not.
     */
    RunningService deliberatelyInvalid() {
        return new RunningService(service, Intent.DELIBERATELY_INVALID, credentials);
    }

    RunningService anonymous() {
        return as();
    }

    RunningService withBearer(String token) {
        return as("Authorization", "Bearer " + token);
    }

    RunningService withApiKey(String key) {
        return as("X-API-Key", key);
    }

    HttpResponse<String> login(String username, String password) {
        return anonymous().post("/api/v2/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /** Signs in and gives the session's token; fails the test when sign-in fails. */
    String signIn(String username, String password) {
        HttpResponse<String> answer = login(username, password);
        if (answer.statusCode() != 200) {
            throw new AssertionError("sign-in as " + username + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return token(answer);
    }

    /** Issues an API key with these roles through this view (a signed-in user) and gives its secret. */
    String issueApiKey(String name, String... roles) {
        HttpResponse<String> issued = post("/api/v2/api-keys",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}");
        if (issued.statusCode() != 201) {
            throw new AssertionError("issuing a key answered " + issued.statusCode() + ": " + issued.body());
        }
        return matched(KEY, issued.body());
    }

    static String token(HttpResponse<String> signedIn) {
        return matched(TOKEN, signedIn.body());
    }

    private static String matched(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> create(String id, String name, String status, String date) {
        String nameField = name == null ? "" : "\"name\":\"" + name + "\",";
        return post("/api/v1/attendance/create",
                "{\"id\":\"" + id + "\"," + nameField + "\"status\":\"" + status + "\",\"date\":\"" + date + "\"}");
    }

    int port() {
        return service.port();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (credentials.length > 0) {
            request.headers(credentials);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            return intent == Intent.AS_DOCUMENTED
                    ? CLIENT.send(built, HttpResponse.BodyHandlers.ofString())
                    : CLIENT.sendDeliberatelyInvalid(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service; through any view of it. */
    @Override
    public void close() {
        service.close();
    }
}
