package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.AttendanceService;
import io.attendance.application.CheckHealth;
import io.attendance.application.EmployeeService;
import io.attendance.application.LookUpAttendance;
import io.attendance.application.RecordAttendance;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the v1 attendance contract, the v2 API (employees, daily records, search,
 * history, batch), health probes, Prometheus metrics, the OpenAPI document and Swagger UI, on
 * Javalin (Jetty). Create, {@link #start()}, and {@link #close()} to
 * stop gracefully: the listener closes at once, in-flight requests get up to
 * {@link HttpSettings#stopTimeout()} to finish.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin app;
    private final Duration stopTimeout;

    public HttpApi(
            HttpSettings settings,
            RecordAttendance recordAttendance,
            LookUpAttendance lookUpAttendance,
            EmployeeService employeeService,
            AttendanceService attendanceService,
            CheckHealth checkHealth,
            PrometheusMeterRegistry registry) {
        this.stopTimeout = Objects.requireNonNull(settings, "settings").stopTimeout();
        ObjectMapper json = JsonMapping.newObjectMapper();
        ErrorResponses errors = new ErrorResponses(json, settings.maxRequestBytes());
        RequestBodies bodies = new RequestBodies(settings.maxRequestBytes());
        AttendanceV1Endpoints v1 = new AttendanceV1Endpoints(
                json,
                bodies,
                Objects.requireNonNull(recordAttendance, "recordAttendance"),
                Objects.requireNonNull(lookUpAttendance, "lookUpAttendance"),
                Objects.requireNonNull(checkHealth, "checkHealth"));
        EmployeesV2Endpoints employees = new EmployeesV2Endpoints(
                json, bodies, Objects.requireNonNull(employeeService, "employeeService"), settings.defaultTimezone());
        AttendanceV2Endpoints attendance = new AttendanceV2Endpoints(
                json, bodies, Objects.requireNonNull(attendanceService, "attendanceService"));
        OperationsEndpoints operations = new OperationsEndpoints(checkHealth, Objects.requireNonNull(registry, "registry"));
        RequestMetrics metrics = new RequestMetrics(registry);
        ApiDocs docs = ApiDocs.load();

        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(settings.stopTimeout().toMillis()));
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(metrics);
            errors.install(config);

            // The route table; the OpenAPI document describes exactly these (ApiDocsTest proves it).
            config.routes.post(AttendanceV1Endpoints.CREATE, v1::create);
            config.routes.get(AttendanceV1Endpoints.SEARCH, v1::search);
            config.routes.get(AttendanceV1Endpoints.SEARCH_ALL, v1::searchAll);
            config.routes.get(AttendanceV1Endpoints.HEALTH, v1::health);
            config.routes.get(AttendanceV1Endpoints.HEALTH_DETAIL, v1::healthDetail);
            config.routes.get(EmployeesV2Endpoints.COLLECTION, employees::list);
            config.routes.put(EmployeesV2Endpoints.ONE, employees::put);
            config.routes.get(EmployeesV2Endpoints.ONE, employees::get);
            config.routes.delete(EmployeesV2Endpoints.ONE, employees::delete);
            config.routes.get(AttendanceV2Endpoints.OF_EMPLOYEE, attendance::ofEmployee);
            config.routes.put(AttendanceV2Endpoints.ONE, attendance::put);
            config.routes.get(AttendanceV2Endpoints.ONE, attendance::get);
            config.routes.delete(AttendanceV2Endpoints.ONE, attendance::delete);
            config.routes.get(AttendanceV2Endpoints.HISTORY, attendance::history);
            config.routes.get(AttendanceV2Endpoints.SEARCH, attendance::search);
            config.routes.post(AttendanceV2Endpoints.BATCH, attendance::batch);
            config.routes.get(OperationsEndpoints.LIVE, operations::live);
            config.routes.get(OperationsEndpoints.READY, operations::ready);
            config.routes.get(OperationsEndpoints.METRICS, operations::metrics);
            config.routes.get(ApiDocs.OPENAPI, docs::openApi);
            config.routes.get(ApiDocs.UI, docs::ui);
            docs.serveAssets(config);
        });
    }

    /** Binds the port and serves; returns once the server accepts connections. */
    public HttpApi start() {
        app.start();
        return this;
    }

    /** The bound port: the chosen one when the settings asked for port 0. Valid once started. */
    public int port() {
        return app.port();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish within the stop timeout, then
     * stops; requests still running then are cut. Never throws; safe to call more than once.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (JavalinException e) {
            LOG.warn("HTTP server stopped before every in-flight request had finished (stop timeout {})",
                    stopTimeout, e);
        }
    }

    /** Every registered route as "METHOD /path", for the check against the OpenAPI document. */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(HttpApi::describe)
                .sorted()
                .toList();
    }

    private static String describe(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }
}
