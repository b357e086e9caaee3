package io.attendance.bootstrap;

import static io.attendance.bootstrap.HostileInput.date;
import static io.attendance.bootstrap.HostileInput.headerValue;
import static io.attendance.bootstrap.HostileInput.instant;
import static io.attendance.bootstrap.HostileInput.mutatedObject;
import static io.attendance.bootstrap.HostileInput.oneOf;
import static io.attendance.bootstrap.HostileInput.pathSegment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.adapter.http.RawHttp;
import io.attendance.adapter.postgres.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Every write route of the whole service, on real PostgreSQL and Redis, fed what broken and hostile
 * clients send ({@link HostileInput}): random JSON and bytes, plausible bodies with single fields
 * turned hostile, deep nesting, huge numbers and strings, unusual Unicode, malformed path segments,
 * query strings, conditional and content headers, and credentials that prove nothing. For every
 * request:
 * <ul>
 *   <li>the status is below 500;</li>
 *   <li>an error is told in its route's shape: {@code application/problem+json} with type, title and
 *   the same status on v2, {@code {"message"}} on v1; no answer names an exception or shows a stack trace;</li>
 *   <li>the stored rows (employees, records, both audit trails, users, API keys) are exactly as before
 *   unless the answer is a 2xx.</li>
 * </ul>
 * Requests are signed with an administrator's API key, so that they get past access control to the
 * handlers. Seeds are random; a failure prints its seed and shrunk request. The next run tries that
 * request first (jqwik's database, under target/), and {@code @Property(seed = "...")} generates
 * the same requests again, though what they meet in the store depends on what ran before them.
 */
class WriteRoutesFuzzSystemTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final List<String> TABLES =
            List.of("employees", "attendance_records", "employee_audit_events", "audit_events", "users", "api_keys");
    private static final String CLERK_PASSWORD = "clerk-password-for-fuzzing";
    private static final List<String> EMPLOYEES = List.of("E-1", "E-2", "E-3", "fz.4");
    private static final List<String> DATES = Stream.iterate(TODAY, day -> day.minusDays(1)).limit(4)
            .map(LocalDate::toString).toList();
    /** Users the fuzzer may delete: never the administrators it signs in as. */
    private static final List<String> DELETABLE_USERS = List.of("clerk-1", "clerk-2", "nobody");
    private static final Pattern LEAKED_INTERNALS = Pattern.compile(
            "Exception|\\tat |\\bat [\\w$.]+\\(|(java|javax|jakarta|sun|org\\.eclipse|com\\.fasterxml|io\\.javalin"
                    + "|io\\.attendance|org\\.postgresql|org\\.jdbi|redis\\.clients|com\\.zaxxer)\\.[a-z]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningService service;
    private static Connection store;
    private static String apiKey;
    private static final List<String> revocableKeyIds = new ArrayList<>();
    /** What the store held after the last request: nothing else writes meanwhile. */
    private static Map<String, String> lastFingerprint;

    @BeforeContainer
    static void start() throws SQLException {
        TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
        service = RunningService.start(TestServers.environment(database));
        store = database.openConnection();
        // its own administrator, whom no fuzzed request names, so that no request can take the key away
        assertThat(service.post("/api/v2/users", "{\"username\":\"fuzz-root\",\"password\":\"" + CLERK_PASSWORD
                + "\",\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(201);
        apiKey = service.withBearer(service.signIn("fuzz-root", CLERK_PASSWORD)).issueApiKey("fuzzer", "ADMIN");
        for (String clerk : List.of("clerk-1", "clerk-2")) {
            assertThat(service.post("/api/v2/users", "{\"username\":\"" + clerk + "\",\"password\":\"" + CLERK_PASSWORD
                    + "\",\"roles\":[\"VIEWER\"]}").statusCode()).isEqualTo(201);
        }
        for (String spare : List.of("spare-1", "spare-2")) {
            String issued = service.post("/api/v2/api-keys", "{\"name\":\"" + spare + "\",\"roles\":[\"VIEWER\"]}").body();
            revocableKeyIds.add(issued.replaceAll("(?s).*\"id\":\"([0-9a-f]{16})\".*", "$1"));
        }
        for (String employee : EMPLOYEES.subList(0, 3)) {
            assertThat(service.put("/api/v2/employees/" + employee, "{\"name\":\"Employee " + employee + "\"}").statusCode())
                    .isEqualTo(201);
            assertThat(service.put("/api/v2/employees/" + employee + "/attendance/" + DATES.get(1),
                    "{\"status\":\"Present\"}").statusCode()).isEqualTo(201);
        }
    }

    @AfterContainer
    static void stop() throws SQLException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    @Example
    void everyWriteRouteOfTheApiDocumentIsFuzzed() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (InputStream document = getClass().getResourceAsStream("/openapi/openapi.json")) {
            JsonNode paths = JSON.readTree(document).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("post", "put", "patch", "delete").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }));
        }
        Set<String> fuzzed = Stream.of(WriteRoute.values()).map(route -> route.method + " " + route.template)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(fuzzed).isEqualTo(documented);
    }

    /** PostgreSQL would keep '?' for the surrogate while the 201 told the text as sent. */
    @Example
    void textWithALoneSurrogateIsRefusedRatherThanStoredAsAnotherText() {
        Attempt attempt = new Attempt(WriteRoute.PUT_EMPLOYEE, "/api/v2/employees/S-1",
                signed(List.of("Content-Type", "application/json")), HostileInput.utf8("{\"name\":\"a\\ud800b\"}"));

        RawHttp.Answer answer = assertAnsweredProperly(attempt);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("name must be Unicode text");
    }

    @Property(tries = 200)
    void anyBodyIsAnsweredWithoutA5xxAndWritesOnlyOn2xx(@ForAll("anyBodies") Attempt attempt) {
        assertAnsweredProperly(attempt);
    }

    @Property(tries = 300)
    void plausibleBodiesWithHostileFieldsAreAnsweredWithoutA5xxAndWriteOnlyOn2xx(
            @ForAll("mutatedBodies") Attempt attempt) {
        RawHttp.Answer answer = assertAnsweredProperly(attempt);
        Statistics.label("answers").collect(answer.status() / 100 + "xx");
        Statistics.label("answers").coverage(coverage -> {
            coverage.check("2xx").count(count -> count >= 10);
            coverage.check("4xx").count(count -> count >= 10);
        });
    }

    @Property(tries = 200)
    void hostilePathsQueriesAndHeadersAreAnsweredWithoutA5xxAndWriteOnlyOn2xx(
            @ForAll("hostileTargetsAndHeaders") Attempt attempt) {
        assertAnsweredProperly(attempt);
    }

    @Property(tries = 100)
    void credentialsThatProveNothingWriteNothing(@ForAll("withoutValidCredentials") Attempt attempt) {
        RawHttp.Answer answer = assertAnsweredProperly(attempt);
        if (attempt.route != WriteRoute.LOGIN) {
            assertThat(answer.status()).as("%s", attempt).isIn(401, 431);
        }
    }

    @Provide
    Arbitrary<Attempt> anyBodies() {
        return Arbitraries.of(WriteRoute.values()).flatMap(route -> Combinators.combine(
                        plausibleTarget(route), HostileInput.anyBody(route.members.isEmpty() ? List.of("id") : route.members,
                                1_048_576), contentType())
                .as((target, body, type) -> new Attempt(route, target, signed(type), body)));
    }

    @Provide
    Arbitrary<Attempt> mutatedBodies() {
        return Arbitraries.of(WriteRoute.values()).flatMap(route -> Combinators.combine(plausibleTarget(route), route.body())
                .as((target, body) -> new Attempt(route, target, signed(List.of("Content-Type", "application/json")), body)));
    }

    @Provide
    Arbitrary<Attempt> hostileTargetsAndHeaders() {
        return Arbitraries.of(WriteRoute.values()).flatMap(route -> Combinators.combine(
                        hostileTarget(route), route.body(), contentType(), conditions(route), contentEncoding())
                .as((target, body, type, conditions, encoding) -> {
                    List<String> headers = new ArrayList<>(type);
                    headers.addAll(conditions);
                    headers.addAll(encoding);
                    return new Attempt(route, target, signed(headers), body);
                }));
    }

    @Provide
    Arbitrary<Attempt> withoutValidCredentials() {
        return Arbitraries.of(WriteRoute.values()).flatMap(route -> Combinators.combine(
                        plausibleTarget(route), route.body(), badCredentials())
                .as((target, body, credentials) -> {
                    List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
                    headers.addAll(credentials);
                    return new Attempt(route, target, headers, body);
                }));
    }

    /** The write routes, each with the members of its body and what makes a plausible one. */
    enum WriteRoute {
        V1_CREATE("POST", "/api/v1/attendance/create", "id", "name", "status", "date"),
        PUT_EMPLOYEE("PUT", "/api/v2/employees/{id}", "name", "department", "timezone", "active"),
        DELETE_EMPLOYEE("DELETE", "/api/v2/employees/{id}"),
        PUT_RECORD("PUT", "/api/v2/employees/{id}/attendance/{date}", "status", "checkIn", "checkOut", "note"),
        DELETE_RECORD("DELETE", "/api/v2/employees/{id}/attendance/{date}"),
        BATCH("POST", "/api/v2/attendance/batch", "employeeId", "date", "status", "checkIn", "checkOut", "note"),
        LOGIN("POST", "/api/v2/auth/login", "username", "password"),
        LOGOUT("POST", "/api/v2/auth/logout"),
        CREATE_USER("POST", "/api/v2/users", "username", "password", "roles", "employeeId"),
        DELETE_USER("DELETE", "/api/v2/users/{username}"),
        CHANGE_PASSWORD("PUT", "/api/v2/users/{username}/password", "currentPassword", "newPassword"),
        ISSUE_API_KEY("POST", "/api/v2/api-keys", "name", "roles", "employeeId"),
        REVOKE_API_KEY("DELETE", "/api/v2/api-keys/{keyId}");

        final String method;
        final String template;
        final List<String> members;

        WriteRoute(String method, String template, String... members) {
            this.method = method;
            this.template = template;
            this.members = List.of(members);
        }

        boolean v1() {
            return template.startsWith("/api/v1/");
        }

        /** A plausible body with its members mutated; for a route that reads none, mostly none. */
        Arbitrary<byte[]> body() {
            Arbitrary<String> json = switch (this) {
                case V1_CREATE -> mutatedObject(Map.of("id", oneOf(EMPLOYEES.toArray(String[]::new)),
                        "name", oneOf("Ada Lovelace", "Grace Hopper"), "status", status(), "date", date(TODAY)));
                case PUT_EMPLOYEE -> mutatedObject(Map.of("name", oneOf("Ada Lovelace", "Grace Hopper"),
                        "department", oneOf("Ops", "R&D"),
                        "timezone", oneOf("UTC", "Europe/Paris", "Pacific/Kiritimati", "America/Adak"),
                        "active", Arbitraries.of("true", "false")));
                case PUT_RECORD -> record(Map.of());
                case BATCH -> record(Map.of("employeeId", oneOf(EMPLOYEES.toArray(String[]::new)), "date", date(TODAY)))
                        .list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
                case LOGIN -> mutatedObject(Map.of("username", oneOf("admin", "clerk-1", "nobody"),
                        "password", oneOf(RunningService.ADMIN_PASSWORD, CLERK_PASSWORD, "wrong-password")));
                case CREATE_USER -> mutatedObject(Map.of("username", oneOf("clerk-3", "new.user@example", "admin"),
                        "password", oneOf(CLERK_PASSWORD, "short"), "roles", roles(),
                        "employeeId", oneOf(EMPLOYEES.toArray(String[]::new))));
                case CHANGE_PASSWORD -> mutatedObject(Map.of("currentPassword", oneOf(CLERK_PASSWORD, "wrong-password"),
                        "newPassword", oneOf(CLERK_PASSWORD, "another-long-password", "short")));
                case ISSUE_API_KEY -> mutatedObject(Map.of("name", oneOf("time-clock", "payroll"), "roles", roles(),
                        "employeeId", oneOf(EMPLOYEES.toArray(String[]::new))));
                case DELETE_EMPLOYEE, DELETE_RECORD, LOGOUT, DELETE_USER, REVOKE_API_KEY -> Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just("")),
                        Tuple.of(1, HostileInput.jsonValue(List.of("id"))));
            };
            return json.map(HostileInput::utf8);
        }

        private static Arbitrary<String> record(Map<String, Arbitrary<String>> identity) {
            Map<String, Arbitrary<String>> members = new LinkedHashMap<>(identity);
            members.put("status", status());
            members.put("checkIn", instant(TODAY));
            members.put("checkOut", instant(TODAY));
            members.put("note", oneOf("late bus", "", "  "));
            return mutatedObject(members);
        }

        private static Arbitrary<String> status() {
            return oneOf("Present", "Absent", "Half Day", "WORK_FROM_HOME", "on-leave");
        }

        private static Arbitrary<String> roles() {
            return Arbitraries.of("[\"VIEWER\"]", "[\"ADMIN\"]", "[\"EMPLOYEE\"]", "[\"MANAGER\",\"VIEWER\"]", "[]",
                    "[\"viewer\",\"VIEWER\"]");
        }
    }

    /** The route's path with plausible parameters: known employees, recent dates, existing users and keys. */
    private static Arbitrary<String> plausibleTarget(WriteRoute route) {
        return target(route, Arbitraries.of(EMPLOYEES), Arbitraries.of(DATES),
                Arbitraries.of(route == WriteRoute.DELETE_USER ? DELETABLE_USERS : List.of("clerk-1", "clerk-2", "admin")),
                Arbitraries.of(revocableKeyIds.isEmpty() ? List.of("0123456789abcdef") : revocableKeyIds),
                Arbitraries.just(""));
    }

    /** The route's path with hostile parameters, and sometimes a query string no write route reads. */
    private static Arbitrary<String> hostileTarget(WriteRoute route) {
        List<String> users = route == WriteRoute.DELETE_USER ? DELETABLE_USERS : List.of("clerk-1", "admin");
        return target(route, pathSegment(EMPLOYEES), pathSegment(DATES), pathSegment(users),
                pathSegment(List.of("0123456789abcdef", "0123456789ABCDEF")),
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just("")),
                        Tuple.of(1, Arbitraries.of("?", "?id=E-1", "?a=%FF%FE", "?%", "?&&==&", "?x=" + "y".repeat(9_000),
                                "?date=300000-01-01&limit=-1", "?q=%00"))));
    }

    private static Arbitrary<String> target(WriteRoute route, Arbitrary<String> id, Arbitrary<String> date,
            Arbitrary<String> username, Arbitrary<String> keyId, Arbitrary<String> query) {
        return Combinators.combine(id, date, username, keyId, query).as((i, d, u, k, q) -> route.template
                .replace("{id}", i).replace("{date}", d).replace("{username}", u).replace("{keyId}", k) + q);
    }

    /** Content-Type: mostly JSON, sometimes none, another type, or a malformed one. */
    private static Arbitrary<List<String>> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(List.of("Content-Type", "application/json"))),
                Tuple.of(1, Arbitraries.just(List.<String>of())),
                Tuple.of(2, headerValue("application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=utf-16",
                        "application/json; charset=ebcdic", "text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/problem+json", "application/jsonx", "application/*",
                        "*/*", "application/json, text/plain", "application/json; =; ;", ";", "")
                        .map(value -> List.of("Content-Type", value))));
    }

    /** If-Match and If-None-Match, on the routes that read them. */
    private static Arbitrary<List<String>> conditions(WriteRoute route) {
        if (!Set.of(WriteRoute.PUT_EMPLOYEE, WriteRoute.DELETE_EMPLOYEE, WriteRoute.PUT_RECORD, WriteRoute.DELETE_RECORD)
                .contains(route)) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<String> tags = headerValue("\"1\"", "W/\"1\"", "*", "\"1\", \"2\"", "\"999999999999999999\"",
                "\"9999999999999999999\"", "\"-1\"", "\"abc\"", "", ",", "\"1\",,\"2\"", "* , *", "W/*", "\"1", "1");
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.<String>of())),
                Tuple.of(1, tags.map(value -> List.of("If-Match", value))),
                Tuple.of(1, tags.map(value -> List.of("If-None-Match", value))),
                Tuple.of(1, Combinators.combine(tags, tags).as((match, noneMatch) ->
                        List.of("If-Match", match, "If-None-Match", noneMatch))));
    }

    /** Content-Encoding, which no route accepts but identity. */
    private static Arbitrary<List<String>> contentEncoding() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(List.<String>of())),
                Tuple.of(1, headerValue("gzip", "deflate", "br", "identity", "gzip, gzip", "x-unknown")
                        .map(value -> List.of("Content-Encoding", value))));
    }

    /** Credentials that prove nothing: none, malformed, unknown, both kinds, or near misses of the real key. */
    private static Arbitrary<List<String>> badCredentials() {
        Arbitrary<String> nearMisses = Arbitraries.of(
                apiKey.substring(1), apiKey + "x", apiKey.toUpperCase(), "x" + apiKey, apiKey.substring(0, apiKey.length() / 2));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<String>of())),
                Tuple.of(2, headerValue("Bearer", "Bearer ", "bearer x", "Basic YWRtaW46YWRtaW4=", "Bearer " + apiKey,
                        "Bearer \u00ff", "Token abc", "Bearer a b c").map(value -> List.of("Authorization", value))),
                Tuple.of(2, Arbitraries.oneOf(nearMisses, headerValue("", "0123456789abcdef"))
                        .map(value -> List.of("X-API-Key", value))),
                Tuple.of(1, Arbitraries.just(List.of("X-API-Key", apiKey, "Authorization", "Bearer whatever"))));
    }

    private static List<String> signed(List<String> headers) {
        List<String> signed = new ArrayList<>(headers);
        signed.addAll(List.of("X-API-Key", apiKey));
        return signed;
    }

    /** One request as sent; its text tells what a failure was sent, however large. */
    record Attempt(WriteRoute route, String target, List<String> headers, byte[] body) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(route.method).append(' ').append(RawHttp.abbreviated(target));
            for (int i = 0; i < headers.size(); i += 2) {
                String value = headers.get(i).equals("X-API-Key") && headers.get(i + 1).equals(apiKey)
                        ? "<the fuzzer's key>" : RawHttp.abbreviated(headers.get(i + 1));
                text.append("\n  ").append(headers.get(i)).append(": ").append(value);
            }
            String body = new String(this.body, StandardCharsets.UTF_8);
            return text.append("\n  body (").append(this.body.length).append(" bytes): ")
                    .append(RawHttp.abbreviated(body).replace("\u0000", "\\u0000")).toString();
        }
    }

    private static RawHttp.Answer assertAnsweredProperly(Attempt attempt) {
        Map<String, String> before = lastFingerprint != null ? lastFingerprint : storeFingerprint();
        lastFingerprint = null;
        RawHttp.Answer answer = RawHttp.exchange(service.port(), attempt.route.method, attempt.target, attempt.headers,
                attempt.body);
        Map<String, String> after = storeFingerprint();
        lastFingerprint = after;
        int status = answer.status();
        String body = answer.text();
        assertThat(status).as("status of %s%nanswered %s", attempt, body).isLessThan(500);
        assertThat(body).as("answer to %s", attempt).doesNotContainPattern(LEAKED_INTERNALS);
        if (status >= 400) {
            assertErrorShape(attempt, answer);
        }
        if (status < 200 || status >= 300) {
            assertThat(after).as("the stored rows after %s%nanswered %d %s", attempt, status, body).isEqualTo(before);
        }
        return answer;
    }

    private static void assertErrorShape(Attempt attempt, RawHttp.Answer answer) {
        String contentType = answer.header("Content-Type").orElse("");
        JsonNode error;
        try {
            error = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("the " + answer.status() + " to " + attempt + " is not JSON: " + answer.text(), e);
        }
        if (attempt.route.v1()) {
            // a problem when Jetty could not read the request line at all (too long): it carries the message too
            assertThat(contentType).as("Content-Type of the %d to %s", answer.status(), attempt)
                    .matches("application/(problem\\+)?json.*");
            assertThat(error.path("message").isTextual()).as("v1 message in %s, to %s", answer.text(), attempt).isTrue();
        } else {
            assertThat(contentType).as("Content-Type of the %d to %s", answer.status(), attempt)
                    .startsWith("application/problem+json");
            assertThat(error.path("type").isTextual() && error.path("title").isTextual())
                    .as("type and title in %s, to %s", answer.text(), attempt).isTrue();
            assertThat(error.path("status").isInt() ? error.path("status").intValue() : -1)
                    .as("status in %s, to %s", answer.text(), attempt).isEqualTo(answer.status());
        }
    }

    /** Each table's row count and a digest of its rows, by name. */
    private static Map<String, String> storeFingerprint() {
        String query = TABLES.stream()
                .map(table -> "SELECT '" + table + "', count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        + " FROM " + table + " t")
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, String> fingerprint = new TreeMap<>();
        try (Statement statement = store.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                fingerprint.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fingerprint;
    }
}
