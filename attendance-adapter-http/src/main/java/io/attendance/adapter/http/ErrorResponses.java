package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.DomainException;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.error.ValidationFailed;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: domain errors, malformed or oversized
 * requests, unknown routes and methods, unexpected exceptions, JVM errors, and the errors Jetty
 * answers by itself before a request reaches Javalin. A failure is first described as an
 * {@link ApiError} (status, title, detail, field errors), then rendered in the {@link BodyShape}
 * of the request's path. No stack trace or exception class name is ever written to a client: they
 * go to the server log.
 */
final class ErrorResponses {
    static final String INTERNAL_SERVER_ERROR = "Internal server error";
    static final String CHALLENGE = "Bearer realm=\"attendance\"";
    static final String UNAVAILABLE = "Attendance API is temporarily unavailable, please retry later";
    /**
     * Every 503 says when to try again (RFC 9110 10.2.3, in seconds): soon, since an unavailable
     * backing service is reported within seconds and the service recovers by itself once it is back.
     */
    static final String RETRY_AFTER_SECONDS = "1";
    /**
     * The most field errors one answer lists: a request can be made to fail on every one of many
     * values, and its answer must not cost more than the request did.
     */
    static final int MAX_FIELD_ERRORS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String BODY_STARTED = ErrorResponses.class.getName() + ".bodyStarted";

    private final ObjectMapper json;
    private final long maxRequestBytes;

    ErrorResponses(ObjectMapper json, long maxRequestBytes) {
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** What went wrong, whatever the body shape that tells it. */
    record ApiError(int status, String title, String detail, List<FieldError> fieldErrors) {
        static ApiError of(HttpStatus status, String detail) {
            return of(status.getCode(), detail);
        }

        static ApiError of(int status, String detail) {
            return new ApiError(status, title(status), detail, List.of());
        }

        /** The status's phrase as RFC 9110 words it (the title an about:blank problem carries). */
        static String title(int status) {
            return status == 500 ? "Internal Server Error" : HttpStatus.forStatus(status).getMessage();
        }
    }

    /**
     * How an error body looks, by path: {@code /api/v2} answers {@code application/problem+json}
     * (RFC 9457, see {@link V2ProblemBody}) with the field errors as a list; everything else keeps the
     * v1 {@code {"message": detail}}, and a 400, input refused, also its {@code "error": "Validation
     * Error"} ({@link V1ValidationErrorBody}). A request whose target Jetty could not read is told by the
     * target it sent, kept by {@link TargetKeepingHttp}; when that names neither API (or is not
     * known: a request line too long to read), it gets a problem that also carries the v1
     * {@code message}, an extension member RFC 9457 allows: whichever API it was meant for, its
     * client finds what it reads.
     */
    enum BodyShape {
        V1_MESSAGE(JsonMapping.JSON) {
            @Override
            byte[] render(ObjectMapper json, ApiError error) throws JsonProcessingException {
                return json.writeValueAsBytes(error.status() == HttpStatus.BAD_REQUEST.getCode()
                        ? V1ValidationErrorBody.of(error.detail())
                        : new V1MessageBody(error.detail()));
            }
        },
        PROBLEM(V2ProblemBody.CONTENT_TYPE) {
            @Override
            byte[] render(ObjectMapper json, ApiError error) throws JsonProcessingException {
                return json.writeValueAsBytes(problem(error));
            }
        },
        PROBLEM_WITH_MESSAGE(V2ProblemBody.CONTENT_TYPE) {
            @Override
            byte[] render(ObjectMapper json, ApiError error) throws JsonProcessingException {
                ObjectNode problem = json.valueToTree(problem(error));
                return json.writeValueAsBytes(problem.put("message", error.detail()));
            }
        };

        static final String V2_PREFIX = "/api/v2";
        static final String V1_PREFIX = "/api/v1";

        private final String contentType;

        BodyShape(String contentType) {
            this.contentType = contentType;
        }

        abstract byte[] render(ObjectMapper json, ApiError error) throws JsonProcessingException;

        private static V2ProblemBody problem(ApiError error) {
            return new V2ProblemBody(V2ProblemBody.TYPE, error.title(), error.status(), error.detail(),
                    error.fieldErrors().stream()
                            .map(field -> new V2ProblemBody.FieldProblem(field.field(), field.message()))
                            .toList());
        }

        static BodyShape forPath(String path) {
            return within(V2_PREFIX, path) ? PROBLEM : V1_MESSAGE;
        }

        /** The shape for a request target Jetty could not read, as the client sent it; null when unknown. */
        static BodyShape forUnreadableTarget(String target) {
            if (within(V2_PREFIX, target)) {
                return PROBLEM;
            }
            return within(V1_PREFIX, target) ? V1_MESSAGE : PROBLEM_WITH_MESSAGE;
        }

        private static boolean within(String prefix, String path) {
            return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
        }
    }

    /** Registers every mapping with Javalin (exception handlers, JVM errors) and Jetty (its own errors). */
    void install(JavalinConfig config) {
        config.routes.exception(DomainException.class, (e, ctx) -> {
            respond(ctx, describe(e), e);
            instruct(ctx, e);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respondTo(ctx, e));
        config.routes.exception(Exception.class, this::unexpected);
        config.router.javaLangErrorHandler(this::fatal);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    }

    /** The header every 503 carries, for the handlers that answer one themselves (the health checks). */
    static void retryLater(Context ctx) {
        ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    /**
     * Called by a handler that starts writing a response body it produces incrementally: from then
     * on a failure can no longer change the status, so the connection is aborted instead, and the
     * client sees an incomplete response rather than a well-formed but partial one.
     */
    static void markBodyStarted(Context ctx) {
        ctx.attribute(BODY_STARTED, Boolean.TRUE);
    }

    ApiError describe(DomainException e) {
        if (e instanceof ValidationFailed invalid) {
            List<FieldError> listed = capped(invalid.errors());
            String detail = listed.stream()
                    .map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
            return new ApiError(400, ApiError.title(400), detail, listed);
        }
        if (e instanceof NotFound) {
            return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (e instanceof Conflict) {
            return ApiError.of(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof PreconditionFailed) {
            return ApiError.of(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        }
        if (e instanceof Unauthenticated) {
            return ApiError.of(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        if (e instanceof Forbidden) {
            return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage());
        }
        if (e instanceof TooManyAttempts) {
            return ApiError.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        }
        if (e instanceof Unavailable unavailable) {
            LOG.warn("A backing service is unavailable: {}", e.getMessage(), e);
            return ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, unavailable.publicReason().orElse(UNAVAILABLE));
        }
        LOG.error("Domain error without an HTTP mapping", e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR);
    }

    /**
     * The headers that tell a client what to do next: how to authenticate after a 401 (RFC 9110
     * 11.6.1), how long to wait after a 429.
     */
    private static void instruct(Context ctx, DomainException e) {
        if (e instanceof Unauthenticated) {
            ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE);
        } else if (e instanceof TooManyAttempts tooMany) {
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000)));
        }
    }

    /** The first {@value #MAX_FIELD_ERRORS} errors, then one on {@code errors} telling how many were left out. */
    static List<FieldError> capped(List<FieldError> errors) {
        if (errors.size() <= MAX_FIELD_ERRORS) {
            return errors;
        }
        List<FieldError> listed = new ArrayList<>(errors.subList(0, MAX_FIELD_ERRORS));
        listed.add(new FieldError("errors", (errors.size() - MAX_FIELD_ERRORS) + " more left out"));
        return listed;
    }

    /** Javalin's own failures (no route, wrong method, body too large) and the adapter's 408, 413, 415 and 503. */
    ApiError describe(HttpResponseException e) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> ApiError.of(status, "Not found");
            case 405 -> ApiError.of(status, "Method not allowed");
            case 413 -> ApiError.of(status, "Request body exceeds the limit of " + maxRequestBytes + " bytes");
            case 415 -> ApiError.of(status, unsupportedType(e.getDetails().getOrDefault(RequestBodies.RECEIVED_TYPE, "")));
            case 503 -> ApiError.of(status, UNAVAILABLE);
            default -> ApiError.of(status, status >= 500 ? INTERNAL_SERVER_ERROR : HttpStatus.forStatus(status).getMessage());
        };
    }

    private static String unsupportedType(String received) {
        return "Content-Type must be application/json, "
                + (received.isEmpty() ? "the request had none" : "was '" + received + "'");
    }

    private void respondTo(Context ctx, HttpResponseException e) {
        respond(ctx, describe(e), e);
        String allowed = e.getDetails().get("availableMethods");
        if (e.getStatus() == 405 && allowed != null) {
            ctx.header(Header.ALLOW, allowed);
        }
    }

    private void unexpected(Exception e, Context ctx) {
        // a client that leaves mid-request is no failure of ours, and must not flood the log with them
        boolean clientLeft = e instanceof EofException || e instanceof UncheckedIOException
                && e.getCause() instanceof EofException;
        if (clientLeft || isBodyStarted(ctx) && (e instanceof IOException || e instanceof UncheckedIOException)) {
            LOG.debug("Client went away during {} {}", ctx.method(), ctx.path(), e);
            abort(ctx);
            return;
        }
        LOG.error("Unexpected failure serving {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR), e);
    }

    private void respond(Context ctx, ApiError error, Throwable cause) {
        if (isBodyStarted(ctx) || ctx.res().isCommitted()) {
            LOG.error("Failure after the response to {} {} had started: aborting it", ctx.method(), ctx.path(), cause);
            abort(ctx);
            return;
        }
        BodyShape shape = BodyShape.forPath(ctx.path());
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            retryLater(ctx);
        }
        ctx.status(error.status()).contentType(shape.contentType).result(render(shape, error));
    }

    /** A JVM {@link Error}: told in the shape of the request's path when Jetty still knows it. */
    private void fatal(HttpServletResponse response, Error error) {
        LOG.error("Fatal error while serving a request", error);
        if (response.isCommitted()) {
            return;
        }
        try {
            BodyShape shape = BodyShape.forPath(pathOf(response));
            response.resetBuffer();
            response.setStatus(500);
            response.setContentType(shape.contentType);
            response.getOutputStream().write(render(shape,
                    ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write the 500 response", e);
        }
    }

    /** The request path behind a Jetty servlet response; "" when it cannot be told. */
    private static String pathOf(HttpServletResponse response) {
        if (response instanceof ServletApiResponse jetty) {
            Request request = jetty.getServletChannel().getRequest();
            if (request != null) {
                return request.getHttpURI().getPath();
            }
        }
        return "";
    }

    private byte[] render(BodyShape shape, ApiError error) {
        try {
            return shape.render(json, error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBodyStarted(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(BODY_STARTED));
    }

    /** Closes the connection under the response: the client sees it cut, not completed. */
    private static void abort(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            request.getServletChannel().getEndPoint().close();
        }
    }

    /** Answers the errors Jetty detects itself (a malformed request line or header, say) in JSON. */
    private final class JettyErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int code = response.getStatus();
            if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
                code = failure.getCode();
            }
            if (code < 400 || code > 599) {
                code = 500;
            }
            response.setStatus(code);
            if (org.eclipse.jetty.http.HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
                callback.succeeded();
                return true;
            }
            BodyShape shape = requestLineRead(request)
                    ? BodyShape.forPath(request.getHttpURI().getPath())
                    : BodyShape.forUnreadableTarget(unreadableTarget(request));
            byte[] body = render(shape, jettyError(code));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, shape.contentType);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
            // load shedding has said how long to wait already; any other 503 of Jetty's says a second
            if (code == HttpStatus.SERVICE_UNAVAILABLE.getCode() && !response.getHeaders().contains(HttpHeader.RETRY_AFTER)) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        /**
         * Whether Jetty read the request line: one it could not (a URI too long, a malformed escape
         * such as {@code %00}) is answered on a stand-in request whose method is no HTTP method, and
         * whose path is not the one the client sent.
         */
        private static boolean requestLineRead(Request request) {
            return HttpMethod.fromString(request.getMethod()) != null;
        }

        /** The target Jetty could not read, as the client sent it; null when Jetty read none at all. */
        private static String unreadableTarget(Request request) {
            return request.getConnectionMetaData().getAttribute(TargetKeepingHttp.UNREADABLE_TARGET)
                    instanceof String target ? target : null;
        }

        private ApiError jettyError(int code) {
            String phrase = org.eclipse.jetty.http.HttpStatus.getMessage(code);
            // a 503 of Jetty's is LoadShedding turning a request away: a reason to retry, not a fault
            return ApiError.of(code, code == 503 ? UNAVAILABLE : code >= 500 ? INTERNAL_SERVER_ERROR : phrase);
        }
    }
}
