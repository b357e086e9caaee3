package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.UseCases;
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

    public HttpApi(HttpSettings settings, UseCases useCases, PrometheusMeterRegistry registry) {
        this.stopTimeout = Objects.requireNonNull(settings, "settings").stopTimeout();
        Objects.requireNonNull(useCases, "useCases");
        ObjectMapper json = JsonMapping.newObjectMapper();
        ErrorResponses errors = new ErrorResponses(json, settings.maxRequestBytes());
        RequestBodies bodies = new RequestBodies(settings.maxRequestBytes(), settings.bodyTimeout(),
                settings.bodyBudgetBytes(), Objects.requireNonNull(registry, "registry"));
        V1AttendanceEndpoints v1 = new V1AttendanceEndpoints(json, bodies, useCases);
        V2EmployeeEndpoints employees = new V2EmployeeEndpoints(
                json, bodies, useCases.employees(), settings.defaultTimezone());
        V2RecordEndpoints attendance = new V2RecordEndpoints(json, bodies, useCases);
        OperationsEndpoints operations = new OperationsEndpoints(
                useCases.checkHealth(), Objects.requireNonNull(registry, "registry"));
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
            new ResponseHeaders(settings.corsOrigins()).install(config);

            // The route table; the OpenAPI document describes exactly these (ApiDocsTest proves it).
            config.routes.post(V1AttendanceEndpoints.CREATE, v1::create);
            config.routes.get(V1AttendanceEndpoints.SEARCH, v1::search);
            config.routes.get(V1AttendanceEndpoints.SEARCH_ALL, v1::searchAll);
            config.routes.get(V1AttendanceEndpoints.HEALTH, v1::health);
            config.routes.get(V1AttendanceEndpoints.HEALTH_DETAIL, v1::healthDetail);
            config.routes.get(V2Paths.EMPLOYEES, employees::list);
            config.routes.put(V2Paths.EMPLOYEE, employees::put);
            config.routes.get(V2Paths.EMPLOYEE, employees::get);
            config.routes.delete(V2Paths.EMPLOYEE, employees::delete);
            config.routes.get(V2Paths.RECORDS_OF_EMPLOYEE, attendance::ofEmployee);
            config.routes.put(V2Paths.RECORD, attendance::put);
            config.routes.get(V2Paths.RECORD, attendance::get);
            config.routes.delete(V2Paths.RECORD, attendance::delete);
            config.routes.get(V2Paths.RECORD_HISTORY, attendance::history);
            config.routes.get(V2Paths.RECORDS, attendance::search);
            config.routes.post(V2Paths.BATCH, attendance::batch);
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
