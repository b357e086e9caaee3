package io.attendance.adapter.http;

import io.attendance.application.access.ApiKeyService;
import io.attendance.application.access.SessionService;
import io.attendance.application.reading.PrefetchedLookups;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Permission;
import io.attendance.domain.model.Principal;
import io.attendance.domain.port.CacheKey;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks every matched request against its route's {@link Access} before the handler runs: who the
 * caller is (a session's bearer token or an API key), then whether it may. The caller found is
 * kept on the request for the handler ({@link #caller}) and the audit trail ({@link #actor}). A
 * bearer token's check also looks up the cache entry the route reads first, where one is declared
 * ({@link #readingFirst}): one round trip to Redis for both.
 */
final class AccessControl {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String CALLER = AccessControl.class.getName() + ".caller";

    private final SessionService sessions;
    private final ApiKeyService apiKeys;
    private final PrefetchedLookups prefetched;
    /** By the path of a GET route: the cache entry its handler reads first, read with a bearer token's session check. */
    private final Map<String, Function<Context, CacheKey<?>>> firstReads = new HashMap<>();

    AccessControl(SessionService sessions, ApiKeyService apiKeys, PrefetchedLookups prefetched) {
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.prefetched = prefetched;
    }

    void install(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
        config.routes.afterMatched(ctx -> prefetched.clear());
    }

    /**
     * The GET route at {@code path} reads the entry {@code firstRead} names before anything else: a
     * bearer token's session check looks it up in the same round trip. {@code firstRead} reads the
     * request as the handler does; a request it cannot read (one the handler refuses) reads nothing ahead.
     */
    void readingFirst(String path, Function<Context, CacheKey<?>> firstRead) {
        firstReads.put(path, firstRead);
    }

    private void check(Context ctx) {
        prefetched.clear(); // what a request before on this thread left unread serves nothing of this one
        if (ctx.routeRoles().isEmpty()) {
            return; // a static asset of the documentation page: HttpApi gives every route a rule
        }
        Access access = ruleOf(ctx);
        if (access instanceof Access.OpenedOrToEveryone rule && rule.opened()) {
            ctx.attribute(CALLER, rule.anonymous());
        } else if (access.needsCredentials()) {
            Principal caller = authenticate(ctx);
            ctx.attribute(CALLER, caller);
            access.authorize(caller, ctx);
        }
    }

    /** The route's rule: {@link HttpApi} refuses to build a route without exactly one. */
    private static Access ruleOf(Context ctx) {
        return (Access) ctx.routeRoles().iterator().next();
    }

    /**
     * @throws Unauthenticated when the request carries no credentials, both kinds, or ones that prove nothing
     * @throws io.attendance.domain.error.Unavailable when a bearer token cannot be checked (the session store is down)
     */
    private Principal authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        String apiKey = ctx.header(API_KEY_HEADER);
        if (authorization != null && apiKey != null) {
            throw new Unauthenticated("send a bearer token or an API key, not both");
        }
        if (apiKey != null) {
            return apiKeys.principalOf(apiKey);
        }
        return sessions.principalOf(bearerToken(ctx), firstReadOf(ctx));
    }

    private Optional<CacheKey<?>> firstReadOf(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Function<Context, CacheKey<?>> firstRead = matched == null || matched.method != HandlerType.GET ? null
                : firstReads.get(matched.path);
        if (firstRead == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(firstRead.apply(ctx));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the handler answers the request's error
        }
    }

    /** @throws Unauthenticated when there is no {@code Authorization: Bearer} header */
    static String bearerToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null) {
            throw new Unauthenticated(
                    "credentials required: a bearer token from POST /api/v2/auth/login, or an " + API_KEY_HEADER + " header");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("the Authorization header must read 'Bearer <token>'");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    /** Who the request acts as; set before every handler of a route that is not open. */
    static Principal caller(Context ctx) {
        Principal caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: " + ctx.method() + " " + ctx.path() + " is an open route");
        }
        return caller;
    }

    /** The audit trail's name for the caller. */
    static String actor(Context ctx) {
        return caller(ctx).actor();
    }

    /**
     * The one employee whose data the caller may read with this permission, when it is limited to
     * its own; empty when it may read everyone's.
     */
    static Optional<EmployeeId> limitedTo(Context ctx, Permission permission) {
        return caller(ctx).limitedTo(permission);
    }
}
