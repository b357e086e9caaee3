package io.attendance.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;

/**
 * The headers set on answers before any handler runs, so that errors and 404s carry them too:
 * {@code nosniff} everywhere, {@code no-store} on the API (its answers hold personal data), and CORS
 * for the configured origins only; and, after the handlers, no {@code Content-Type} on an answer
 * without content. Without origins no CORS header is ever sent, so browsers keep
 * every other site's pages from reading the API.
 */
final class ResponseHeaders {
    static final String API_PREFIX = "/api/";
    static final String ALLOWED_METHODS = "GET, PUT, POST, DELETE";
    static final String ALLOWED_HEADERS = "Content-Type, If-Match, If-None-Match, Authorization, X-API-Key";
    static final String EXPOSED_HEADERS = "ETag, Location";
    static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final Set<String> corsOrigins;

    ResponseHeaders(List<String> corsOrigins) {
        this.corsOrigins = Set.copyOf(corsOrigins);
    }

    void install(JavalinConfig config) {
        config.routes.before(this::security);
        if (!corsOrigins.isEmpty()) {
            config.routes.before(this::crossOrigin);
        }
        config.routes.after(ResponseHeaders::noTypeWithoutContent);
    }

    /**
     * A 204 or 304 has no content, so it has no type either; Javalin gives every answer its default
     * {@code text/plain} as it starts.
     */
    private static void noTypeWithoutContent(Context ctx) {
        int status = ctx.statusCode();
        if (status == HttpStatus.NO_CONTENT.getCode() || status == HttpStatus.NOT_MODIFIED.getCode()) {
            ctx.res().setContentType(null);
        }
    }

    private void security(Context ctx) {
        ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (ctx.path().startsWith(API_PREFIX)) {
            ctx.header(Header.CACHE_CONTROL, "no-store");
        }
    }

    /** Answers a preflight from a listed origin itself; any other goes on and meets 404 or 405. */
    private void crossOrigin(Context ctx) {
        // the answer depends on the Origin: a shared cache must not give one origin's to another
        ctx.header(Header.VARY, Header.ORIGIN);
        String origin = ctx.header(Header.ORIGIN);
        if (origin == null || !corsOrigins.contains(origin)) {
            return;
        }
        ctx.header(Header.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (ctx.method() == HandlerType.OPTIONS && ctx.header(Header.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            ctx.header(Header.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
            ctx.status(HttpStatus.NO_CONTENT).skipRemainingHandlers();
            noTypeWithoutContent(ctx);
            return;
        }
        ctx.header(Header.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    }
}
