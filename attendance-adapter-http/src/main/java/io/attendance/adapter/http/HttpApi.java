package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.Attendance;
import io.attendance.application.UseCases;
import io.attendance.domain.model.Permission;
import io.attendance.domain.port.CachedReads;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the v1 attendance contract, the v2 API (employees, daily records, search, the change feed,
 * history, batch, sign-in, users and API keys), every route behind its access rule, health probes,
 * Prometheus metrics (optionally also on a port of their own), the OpenAPI document and Swagger UI, on
 * Javalin (Jetty), within its {@link LoadLimits}. Create, {@link #start()}, and {@link #close()} to
 * stop gracefully: the listener closes at once, in-flight requests get up to
 * {@link HttpSettings#stopTimeout()} to finish. {@link #drain()} first lets load balancers see the
 * instance go while it still serves.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin app;
    private final Optional<Javalin> metricsServer;
    private final Map<String, Access> accessRules;
    private final Duration stopTimeout;
    private final OperationsEndpoints operations;

    public HttpApi(HttpSettings settings, UseCases useCases, PrometheusMeterRegistry registry) {
        this.stopTimeout = Objects.requireNonNull(settings, "settings").stopTimeout();
        Objects.requireNonNull(useCases, "useCases");
        ObjectMapper json = JsonMapping.newObjectMapper();
        ErrorResponses errors = new ErrorResponses(json, settings.maxRequestBytes());
        RequestBodies bodies = new RequestBodies(settings.maxRequestBytes(), settings.bodyTimeout(),
                settings.bodyBudgetBytes(), Objects.requireNonNull(registry, "registry"));
        Attendance core = useCases.attendance();
        V1AttendanceEndpoints v1 = new V1AttendanceEndpoints(json, bodies, core.recordAttendance(),
                core.lookUpAttendance(), core.checkHealth());
        V2EmployeeEndpoints employees = new V2EmployeeEndpoints(
                json, bodies, core.employeeWrites(), core.employeeReads(), settings.defaultTimezone());
        V2RecordEndpoints attendance = new V2RecordEndpoints(json, bodies, core.recordWrites(), core.recordReads(),
                core.importBatch());
        V2SyncEndpoints sync = new V2SyncEndpoints(json, core.syncAttendance());
        OperationsEndpoints operations = new OperationsEndpoints(
                core.checkHealth(), Objects.requireNonNull(registry, "registry"));
        this.operations = operations;
        // the probes and the scrape tell an operator what an overload looks like, so they are never held back
        LoadShedding shedding = new LoadShedding(settings.loadLimits(), registry,
                OperationsEndpoints.LIVE, OperationsEndpoints.READY, OperationsEndpoints.METRICS);
        V2AccessEndpoints access = new V2AccessEndpoints(json, bodies, useCases.signIns(), useCases.users(),
                useCases.apiKeys(), settings.trustedProxies());
        AccessControl accessControl = new AccessControl(useCases.sessions(), useCases.apiKeys(),
                useCases.prefetchedLookups());
        RequestMetrics metrics = new RequestMetrics(registry);
        ApiDocs docs = ApiDocs.load();

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new TargetKeepingHttp(http));
                connector.setPort(settings.port());
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopTimeout().toMillis());
                // Javalin puts its own handler inside the innermost wrapper it finds: every route behind the limits
                shedding.setHandler(new RequestLineMethod());
                server.setHandler(shedding);
            });
            config.http.maxRequestSize = settings.maxRequestBytes();
            // Javalin has Jetty accept %u0041-style escapes (LEGACY), which its own path-parameter
            // decoding then fails on with a 500; without that one allowance Jetty refuses them (400)
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(http.getUriCompliance()
                    .without("LEGACY_WITHOUT_UTF16_ESCAPES", UriCompliance.Violation.UTF16_ENCODINGS)));
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(metrics);
            errors.install(config);
            accessControl.install(config);
            new ResponseHeaders(settings.corsOrigins()).install(config);

            // The route table, each route with who may call it; the OpenAPI document describes exactly
            // these but the UI page (ApiDocsTest proves it), and AccessMatrixTest proves each rule.
            boolean v1Open = !settings.v1CredentialsRequired();
            config.routes.post(V1AttendanceEndpoints.CREATE, v1::create,
                    Access.openedOr(v1Open, Permission.WRITE_ATTENDANCE, Permission.WRITE_EMPLOYEES));
            config.routes.get(V1AttendanceEndpoints.SEARCH, v1::search, Access.openedOr(v1Open, Permission.READ_ATTENDANCE));
            accessControl.readingFirst(V1AttendanceEndpoints.SEARCH, V1AttendanceEndpoints::firstReadOfSearch);
            config.routes.get(V1AttendanceEndpoints.SEARCH_ALL, v1::searchAll,
                    Access.openedOr(v1Open, Permission.READ_ATTENDANCE));
            accessControl.readingFirst(V1AttendanceEndpoints.SEARCH_ALL, ctx -> CachedReads.renderedAttendanceListing());
            config.routes.get(V1AttendanceEndpoints.HEALTH, v1::health, Access.open());
            config.routes.get(V1AttendanceEndpoints.HEALTH_DETAIL, v1::healthDetail, Access.open());
            config.routes.get(V2Paths.EMPLOYEES, employees::list, Access.to(Permission.READ_EMPLOYEES));
            config.routes.put(V2Paths.EMPLOYEE, employees::put, Access.to(Permission.WRITE_EMPLOYEES));
            config.routes.get(V2Paths.EMPLOYEE, employees::get,
                    Access.toEmployeeIn(V2Paths.EMPLOYEE_ID, Permission.READ_EMPLOYEES));
            accessControl.readingFirst(V2Paths.EMPLOYEE, V2Paths::employeeOfPath);
            config.routes.delete(V2Paths.EMPLOYEE, employees::delete, Access.to(Permission.WRITE_EMPLOYEES));
            config.routes.get(V2Paths.EMPLOYEE_HISTORY, employees::history,
                    Access.toEmployeeIn(V2Paths.EMPLOYEE_ID, Permission.READ_EMPLOYEES));
            config.routes.get(V2Paths.RECORDS_OF_EMPLOYEE, attendance::ofEmployee,
                    Access.toEmployeeIn(V2Paths.EMPLOYEE_ID, Permission.READ_ATTENDANCE));
            accessControl.readingFirst(V2Paths.RECORDS_OF_EMPLOYEE, V2Paths::employeeOfPath);
            config.routes.put(V2Paths.RECORD, attendance::put, Access.to(Permission.WRITE_ATTENDANCE));
            config.routes.get(V2Paths.RECORD, attendance::get,
                    Access.toEmployeeIn(V2Paths.EMPLOYEE_ID, Permission.READ_ATTENDANCE));
            accessControl.readingFirst(V2Paths.RECORD, V2Paths::recordOfPath);
            config.routes.delete(V2Paths.RECORD, attendance::delete, Access.to(Permission.DELETE_ATTENDANCE));
            config.routes.get(V2Paths.RECORD_HISTORY, attendance::history,
                    Access.toEmployeeIn(V2Paths.EMPLOYEE_ID, Permission.READ_ATTENDANCE));
            config.routes.get(V2Paths.RECORDS, attendance::search, Access.toOwnOrEveryone(Permission.READ_ATTENDANCE));
            config.routes.post(V2Paths.BATCH, attendance::batch, Access.to(Permission.IMPORT_ATTENDANCE));
            config.routes.get(V2Paths.RECORD_CHANGES, sync::changes, Access.to(Permission.READ_ATTENDANCE));
            config.routes.post(V2AccessEndpoints.LOGIN, access::login, Access.open());
            config.routes.post(V2AccessEndpoints.LOGOUT, access::logout, Access.signedIn());
            config.routes.get(V2AccessEndpoints.ME, access::me, Access.signedIn());
            config.routes.post(V2AccessEndpoints.USERS, access::createUser, Access.to(Permission.MANAGE_ACCESS));
            config.routes.get(V2AccessEndpoints.USERS, access::listUsers, Access.to(Permission.MANAGE_ACCESS));
            config.routes.get(V2AccessEndpoints.USER, access::getUser, Access.signedIn());
            config.routes.delete(V2AccessEndpoints.USER, access::deleteUser, Access.to(Permission.MANAGE_ACCESS));
            config.routes.put(V2AccessEndpoints.USER_PASSWORD, access::changePassword, Access.signedIn());
            config.routes.post(V2AccessEndpoints.API_KEYS, access::issueApiKey, Access.to(Permission.MANAGE_ACCESS));
            config.routes.get(V2AccessEndpoints.API_KEYS, access::listApiKeys, Access.to(Permission.MANAGE_ACCESS));
            config.routes.get(V2AccessEndpoints.API_KEY, access::getApiKey, Access.to(Permission.MANAGE_ACCESS));
            config.routes.delete(V2AccessEndpoints.API_KEY, access::revokeApiKey, Access.to(Permission.MANAGE_ACCESS));
            config.routes.get(OperationsEndpoints.LIVE, operations::live, Access.open());
            config.routes.get(OperationsEndpoints.READY, operations::ready, Access.open());
            config.routes.get(OperationsEndpoints.METRICS, operations::metrics, Access.to(Permission.READ_METRICS));
            config.routes.get(ApiDocs.OPENAPI, docs::openApi, Access.open());
            config.routes.get(ApiDocs.UI, docs::ui, Access.open());
            docs.serveAssets(config);
            answerHeadAsGet(config);
        });
        this.accessRules = accessRules(app);
        this.metricsServer = settings.metricsPort().isPresent()
                ? Optional.of(metricsServer(settings.metricsPort().getAsInt(), operations, metrics))
                : Optional.empty();
    }

    /**
     * {@code /metrics} alone, open, on its own port: for a scraper on a private network that holds no
     * credentials. Nothing else is served there.
     */
    private static Javalin metricsServer(int port, OperationsEndpoints operations, RequestMetrics metrics) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.port = port;
            config.requestLogger.http(metrics);
            config.routes.get(OperationsEndpoints.METRICS, operations::metrics);
        });
    }

    /**
     * Each route's one {@link Access} rule, by "METHOD /path".
     *
     * @throws IllegalStateException when a route has none or several: it would be served to anyone
     */
    private static Map<String, Access> accessRules(Javalin app) {
        Map<String, Access> rules = new TreeMap<>();
        for (Endpoint endpoint : endpoints(app)) {
            Roles roles = endpoint.metadata(Roles.class);
            Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
            if (declared.size() != 1 || !(declared.iterator().next() instanceof Access rule)) {
                throw new IllegalStateException("the route " + describe(endpoint) + " needs exactly one Access rule, has "
                        + declared);
            }
            rules.put(describe(endpoint), rule);
        }
        return rules;
    }

    /**
     * Gives every GET route a HEAD route with the same handler and {@link Access} rule, so that a HEAD
     * gets the GET's status and headers (RFC 9110 9.3.2); Jetty sends no body in answer to a HEAD.
     * Without it Javalin answers any HEAD of a GET route 200 by itself, without running the handler
     * nor the access check, which finds no rule on a route it did not match.
     */
    private static void answerHeadAsGet(JavalinConfig config) {
        List<Endpoint> gets = config.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.GET)
                .toList();
        for (Endpoint get : gets) {
            Roles roles = get.metadata(Roles.class);
            config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler,
                    roles == null ? Set.of() : Set.of(roles)));
        }
    }

    /** Binds the port and serves; returns once the server accepts connections. */
    public HttpApi start() {
        app.start();
        metricsServer.ifPresent(Javalin::start);
        return this;
    }

    /** The bound port: the chosen one when the settings asked for port 0. Valid once started. */
    public int port() {
        return app.port();
    }

    /**
     * From now on {@code /health/ready} answers 503, so that load balancers send no new requests, while
     * every request that still comes is served as before. Called on shutdown, some time before
     * {@link #close()}.
     */
    public void drain() {
        operations.drain();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish within the stop timeout, then
     * stops; requests still running then are cut. Never throws; safe to call more than once.
     */
    @Override
    public void close() {
        metricsServer.ifPresent(Javalin::stop);
        try {
            app.stop();
            LOG.info("HTTP server stopped");
        } catch (JavalinException e) {
            LOG.warn("HTTP server stopped before every in-flight request had finished (stop timeout {})",
                    stopTimeout, e);
        }
    }

    /** The port {@code /metrics} is served open on, when the settings asked for one. Valid once started. */
    OptionalInt metricsPort() {
        return metricsServer.map(server -> OptionalInt.of(server.port())).orElse(OptionalInt.empty());
    }

    /** Every registered route as "METHOD /path", for the check against the OpenAPI document. */
    List<String> routes() {
        return List.copyOf(accessRules.keySet());
    }

    /** Who may call each route, by "METHOD /path". */
    Map<String, Access> accessRules() {
        return accessRules;
    }

    private static List<Endpoint> endpoints(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .toList();
    }

    private static String describe(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }
}
