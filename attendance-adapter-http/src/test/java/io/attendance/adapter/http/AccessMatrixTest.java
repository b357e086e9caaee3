package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.application.access.CreateUserCommand;
import io.attendance.application.access.SignInCommand;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Username;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route called by every kind of caller, each answer's exact status asserted: no credentials,
 * then a signed-in user of each role, EMPLOYEE both as the employee the request is about (E-1) and as
 * another one (E-2). Each probe is one a permitted caller can repeat with the same answer, so the
 * order of the calls does not matter. A route the table does not list fails the test: a new route
 * needs its row here, and so a decision about who may call it. Every GET row is also the row of its
 * HEAD, which HTTP asks to be answered as the GET without the body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    /** The callers, in the order of each row's statuses. */
    enum Caller {
        NOBODY, ADMIN, MANAGER, VIEWER, EMPLOYEE_SELF, EMPLOYEE_OTHER, DEVICE
    }

    private static final String PASSWORD = "a password for the matrix";
    private static final String GET = "GET ";
    private static final String HEAD = "HEAD ";
    /** The headers a HEAD and its GET may differ in: when they were answered, and the length of a body that changes. */
    private static final Set<String> HEADERS_OF_THE_MOMENT = Set.of("date", "content-length");
    private static final String E1_DAY = RunningApi.record("E-1", "2026-11-27");
    private static final String RECORD_BODY = "{\"status\":\"Present\",\"note\":\"matrix\"}";
    private static final String V1_CREATE_BODY = "{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-27\"}";

    private RunningApi server;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final Map<String, Probe> probes = new LinkedHashMap<>();

    /** How to call one route as a caller (its credentials added), and what each caller must get. */
    private record Probe(Function<Caller, HttpRequest.Builder> request, int... statuses) {
    }

    @BeforeAll
    void start() {
        server = RunningApi.start();
        server.putEmployee("E-1", "Ada Lovelace");
        server.putEmployee("E-2", "Bob");
        server.putRecord("E-1", "2026-11-27", RECORD_BODY);
        Map<Caller, Grant> grants = Map.of(
                Caller.ADMIN, grant(Role.ADMIN, null),
                Caller.MANAGER, grant(Role.MANAGER, null),
                Caller.VIEWER, grant(Role.VIEWER, null),
                Caller.EMPLOYEE_SELF, grant(Role.EMPLOYEE, "E-1"),
                Caller.EMPLOYEE_OTHER, grant(Role.EMPLOYEE, "E-2"),
                Caller.DEVICE, grant(Role.DEVICE, null));
        grants.forEach((caller, grant) -> server.useCases.users().create(
                new CreateUserCommand(username(caller), Password.chosen("password", PASSWORD), grant)));
        for (Caller caller : Caller.values()) {
            if (caller != Caller.NOBODY) {
                tokens.put(caller, signIn(caller));
            }
        }
        server.actAnonymously();
        defineProbes();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Grant grant(Role role, String employee) {
        return new Grant(Set.of(role), Optional.ofNullable(employee).map(EmployeeId::new));
    }

    private static Username username(Caller caller) {
        return new Username("matrix-" + caller.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private String signIn(Caller caller) {
        return server.useCases.signIns().signIn(new SignInCommand(username(caller),
                Password.offered("password", PASSWORD), "192.0.2." + (caller.ordinal() + 1))).token().reveal();
    }

    private void defineProbes() {
        //                                                               none ADM  MGR  VIEW SELF OTHR DEV
        probe("POST " + V1AttendanceEndpoints.CREATE, post(V1AttendanceEndpoints.CREATE, V1_CREATE_BODY),
                401, 409, 409, 403, 403, 403, 403);
        probe("GET " + V1AttendanceEndpoints.SEARCH, get(V1AttendanceEndpoints.SEARCH + "?id=E-1"),
                401, 200, 200, 200, 403, 403, 403);
        probe("GET " + V1AttendanceEndpoints.SEARCH_ALL, get(V1AttendanceEndpoints.SEARCH_ALL),
                401, 200, 200, 200, 403, 403, 403);
        probe("GET " + V1AttendanceEndpoints.HEALTH, get(V1AttendanceEndpoints.HEALTH), 200, 200, 200, 200, 200, 200, 200);
        probe("GET " + V1AttendanceEndpoints.HEALTH_DETAIL, get(V1AttendanceEndpoints.HEALTH_DETAIL),
                200, 200, 200, 200, 200, 200, 200);
        probe("GET " + V2Paths.EMPLOYEES, get(V2Paths.EMPLOYEES), 401, 200, 200, 200, 403, 403, 403);
        probe("PUT " + V2Paths.EMPLOYEE, put(RunningApi.employee("E-1"), "{\"name\":\"Ada Lovelace\"}"),
                401, 200, 200, 403, 403, 403, 403);
        probe("GET " + V2Paths.EMPLOYEE, get(RunningApi.employee("E-1")), 401, 200, 200, 200, 200, 403, 403);
        probe("DELETE " + V2Paths.EMPLOYEE, delete(RunningApi.employee("E-1"), "If-Match", "\"99\""),
                401, 412, 412, 403, 403, 403, 403);
        probe("GET " + V2Paths.EMPLOYEE_HISTORY, get(RunningApi.employee("E-1") + "/history"),
                401, 200, 200, 200, 200, 403, 403);
        probe("GET " + V2Paths.RECORDS_OF_EMPLOYEE,
                get(RunningApi.employee("E-1") + "/attendance?from=2026-11-01&to=2026-11-30"),
                401, 200, 200, 200, 200, 403, 403);
        probe("PUT " + V2Paths.RECORD, put(E1_DAY, RECORD_BODY), 401, 200, 200, 403, 403, 403, 200);
        probe("GET " + V2Paths.RECORD, get(E1_DAY), 401, 200, 200, 200, 200, 403, 403);
        probe("DELETE " + V2Paths.RECORD, delete(E1_DAY, "If-Match", "\"99\""), 401, 412, 412, 403, 403, 403, 403);
        probe("GET " + V2Paths.RECORD_HISTORY, get(E1_DAY + "/history"), 401, 200, 200, 200, 200, 403, 403);
        probe("GET " + V2Paths.RECORDS, get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30"),
                401, 200, 200, 200, 200, 200, 403);
        probe("POST " + V2Paths.BATCH, post(V2Paths.BATCH,
                "[{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\",\"note\":\"matrix\"}]"),
                401, 200, 200, 403, 403, 403, 403);
        probe("GET " + V2Paths.RECORD_CHANGES, get(V2Paths.RECORD_CHANGES), 401, 200, 200, 200, 403, 403, 403);
        probe("POST " + V2AccessEndpoints.LOGIN, post(V2AccessEndpoints.LOGIN,
                "{\"username\":\"matrix-viewer\",\"password\":\"" + PASSWORD + "\"}"), 200, 200, 200, 200, 200, 200, 200);
        // each sign-out ends a session of its own, not the one the other probes use
        probe("POST " + V2AccessEndpoints.LOGOUT, caller -> caller == Caller.NOBODY
                ? json("POST", V2AccessEndpoints.LOGOUT, "")
                : json("POST", V2AccessEndpoints.LOGOUT, "").header("Authorization", "Bearer " + signIn(caller)),
                401, 204, 204, 204, 204, 204, 204);
        probe("GET " + V2AccessEndpoints.ME, get(V2AccessEndpoints.ME), 401, 200, 200, 200, 200, 200, 200);
        probe("POST " + V2AccessEndpoints.USERS, post(V2AccessEndpoints.USERS,
                "{\"username\":\"matrix-viewer\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"VIEWER\"]}"),
                401, 409, 403, 403, 403, 403, 403);
        probe("GET " + V2AccessEndpoints.USERS, get(V2AccessEndpoints.USERS), 401, 200, 403, 403, 403, 403, 403);
        probe("GET " + V2AccessEndpoints.USER, get(V2AccessEndpoints.USERS + "/nobody"), 401, 404, 403, 403, 403, 403, 403);
        probe("DELETE " + V2AccessEndpoints.USER, delete(V2AccessEndpoints.USERS + "/nobody"),
                401, 404, 403, 403, 403, 403, 403);
        probe("PUT " + V2AccessEndpoints.USER_PASSWORD, put(V2AccessEndpoints.USERS + "/nobody/password",
                "{\"newPassword\":\"" + PASSWORD + "\"}"), 401, 404, 403, 403, 403, 403, 403);
        probe("POST " + V2AccessEndpoints.API_KEYS, post(V2AccessEndpoints.API_KEYS,
                "{\"name\":\"matrix\",\"roles\":[\"DEVICE\"]}"), 401, 201, 403, 403, 403, 403, 403);
        probe("GET " + V2AccessEndpoints.API_KEYS, get(V2AccessEndpoints.API_KEYS), 401, 200, 403, 403, 403, 403, 403);
        probe("GET " + V2AccessEndpoints.API_KEY, get(V2AccessEndpoints.API_KEYS + "/0123456789abcdef"),
                401, 404, 403, 403, 403, 403, 403);
        probe("DELETE " + V2AccessEndpoints.API_KEY, delete(V2AccessEndpoints.API_KEYS + "/0123456789abcdef"),
                401, 404, 403, 403, 403, 403, 403);
        probe("GET " + OperationsEndpoints.LIVE, get(OperationsEndpoints.LIVE), 200, 200, 200, 200, 200, 200, 200);
        probe("GET " + OperationsEndpoints.READY, get(OperationsEndpoints.READY), 200, 200, 200, 200, 200, 200, 200);
        probe("GET " + OperationsEndpoints.METRICS, get(OperationsEndpoints.METRICS), 401, 200, 403, 403, 403, 403, 403);
        probe("GET " + ApiDocs.OPENAPI, get(ApiDocs.OPENAPI), 200, 200, 200, 200, 200, 200, 200);
        probe("GET " + ApiDocs.UI, get(ApiDocs.UI), 200, 200, 200, 200, 200, 200, 200);
    }

    private void probe(String route, Function<Caller, HttpRequest.Builder> request, int... statuses) {
        assertThat(statuses).as(route).hasSize(Caller.values().length);
        probes.put(route, new Probe(request, statuses));
        if (route.startsWith(GET)) {
            probes.put(HEAD + route.substring(GET.length()), new Probe(asHead(request), statuses));
        }
    }

    private static Function<Caller, HttpRequest.Builder> asHead(Function<Caller, HttpRequest.Builder> get) {
        return caller -> get.apply(caller).method("HEAD", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private Function<Caller, HttpRequest.Builder> get(String path) {
        return caller -> HttpRequest.newBuilder(server.uri(path)).GET();
    }

    private Function<Caller, HttpRequest.Builder> delete(String path, String... headers) {
        return caller -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).DELETE();
            return headers.length == 0 ? request : request.headers(headers);
        };
    }

    private Function<Caller, HttpRequest.Builder> put(String path, String body) {
        return caller -> json("PUT", path, body);
    }

    private Function<Caller, HttpRequest.Builder> post(String path, String body) {
        return caller -> json("POST", path, body);
    }

    private int call(Caller caller, Probe probe) {
        return send(caller, probe.request()).status();
    }

    private RunningApi.Reply send(Caller caller, Function<Caller, HttpRequest.Builder> probe) {
        HttpRequest.Builder request = probe.apply(caller);
        boolean ownSession = request.build().headers().firstValue("Authorization").isPresent();
        if (caller != Caller.NOBODY && !ownSession) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        return as(caller).send(request);
    }

    /** The server, to which a caller without credentials sends what the document asks credentials for, on purpose. */
    private RunningApi as(Caller caller) {
        return caller == Caller.NOBODY ? server.deliberatelyInvalid() : server;
    }

    @Test
    void everyRouteHasARowInTheMatrix() {
        assertThat(probes.keySet()).containsExactlyInAnyOrderElementsOf(server.api.routes());
    }

    @Test
    void everyCallerGetsExactlyTheStatusItsRightsGiveOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        probes.forEach((route, probe) -> {
            for (Caller caller : Caller.values()) {
                int status = call(caller, probe);
                if (status != probe.statuses()[caller.ordinal()]) {
                    wrong.add(route + " as " + caller + ": " + status + ", expected " + probe.statuses()[caller.ordinal()]);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyGetRouteAnswersHeadWithTheStatusAndHeadersOfItsGetAndNoBody() {
        List<String> wrong = new ArrayList<>();
        probes.forEach((route, probe) -> {
            if (!route.startsWith(GET)) {
                return;
            }
            Function<Caller, HttpRequest.Builder> head = probes.get(HEAD + route.substring(GET.length())).request();
            for (Caller caller : Caller.values()) {
                RunningApi.Reply get = send(caller, probe.request());
                RunningApi.Reply answer = send(caller, head);
                if (answer.status() != get.status() || !answer.body().isEmpty()
                        || !lasting(answer.headers().map()).equals(lasting(get.headers().map()))) {
                    wrong.add(route + " as " + caller + ": HEAD " + answer.status() + " " + answer.headers().map()
                            + " with " + answer.body().length() + " bytes, GET " + get.status() + " " + get.headers().map());
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static Map<String, List<String>> lasting(Map<String, List<String>> headers) {
        Map<String, List<String>> lasting = new java.util.TreeMap<>(headers);
        lasting.keySet().removeAll(HEADERS_OF_THE_MOMENT);
        return lasting;
    }

    @Test
    void everyRefusalForLackOfCredentialsChallengesForABearerToken() {
        probes.forEach((route, probe) -> {
            if (probe.statuses()[Caller.NOBODY.ordinal()] == 401) {
                assertThat(as(Caller.NOBODY).send(probe.request().apply(Caller.NOBODY)).header("WWW-Authenticate"))
                        .as(route).isEqualTo("Bearer realm=\"attendance\"");
            }
        });
    }
}
