package io.attendance.adapter.http;

import io.attendance.application.CheckHealth;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** Probes and metrics for the platform: liveness, readiness and the Prometheus scrape. */
final class OperationsEndpoints {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";

    /** Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final byte[] UP = "{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"down\"}".getBytes(StandardCharsets.UTF_8);

    private final CheckHealth checkHealth;
    private final PrometheusMeterRegistry registry;
    private final AtomicBoolean draining = new AtomicBoolean();

    OperationsEndpoints(CheckHealth checkHealth, PrometheusMeterRegistry registry) {
        this.checkHealth = checkHealth;
        this.registry = registry;
    }

    /** The process answers: nothing else is asked, so this is as cheap as a request can be. */
    void live(Context ctx) {
        ctx.contentType(JsonMapping.JSON).result(UP);
    }

    /** From now on the instance says it is not ready: it is stopping, and wants no new requests. */
    void drain() {
        draining.set(true);
    }

    void ready(Context ctx) {
        boolean ready = !draining.get() && checkHealth.check().ready();
        if (!ready) {
            ErrorResponses.retryLater(ctx);
        }
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(JsonMapping.JSON)
                .result(ready ? UP : DOWN);
    }

    void metrics(Context ctx) throws IOException {
        ctx.contentType(PROMETHEUS_TEXT);
        ErrorResponses.markBodyStarted(ctx);
        registry.scrape(ctx.outputStream());
    }
}
