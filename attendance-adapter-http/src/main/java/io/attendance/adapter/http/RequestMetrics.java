package io.attendance.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request as {@value #TIMER} tagged {@code method}, {@code route} (the matched path
 * template, never the raw path) and {@code status}, and writes the access log line at DEBUG
 * (path without query string, no body, no header). Every tag takes few values, so the number of
 * series stays bounded whatever clients send. Timers are looked up once and cached.
 */
final class RequestMetrics implements RequestLogger {
    static final String TIMER = "http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";
    static final String ASSETS = ApiDocs.UI + "/{asset}";
    static final String OTHER_METHOD = "OTHER";

    private static final Logger ACCESS = LoggerFactory.getLogger("io.attendance.adapter.http.access");
    private static final Set<HandlerType> KNOWN_METHODS = Set.copyOf(HandlerType.commonHttp());

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String route, int status) {
    }

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        String method = KNOWN_METHODS.contains(ctx.method()) ? ctx.method().name() : OTHER_METHOD;
        String route = route(ctx, status);
        long nanos = (long) (executionTimeMs * 1_000_000d);
        timer(new Key(method, route, status)).record(nanos, TimeUnit.NANOSECONDS);
        if (ACCESS.isDebugEnabled()) {
            ACCESS.debug("{} {} {} {} ms", method, ctx.path(), status, executionTimeMs);
        }
    }

    private static String route(Context ctx, int status) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null && !endpoint.path.isEmpty()) {
            return endpoint.path;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return ctx.path().startsWith(ApiDocs.UI + "/") ? ASSETS : UNMATCHED;
    }

    private Timer timer(Key key) {
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder(TIMER)
                    .description("HTTP requests served, by method, matched route and status")
                    .tag("method", k.method())
                    .tag("route", k.route())
                    .tag("status", Integer.toString(k.status()))
                    .register(registry));
        }
        return timer;
    }
}
