package io.attendance.adapter.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Holds every exchange the tests make to the OpenAPI document the service serves, with an
 * independent validator (Atlassian's swagger-request-validator, on a JSON Schema library of its
 * own): an answer the document does not allow fails the test that got it, whatever that test
 * asserts itself. The tests' HTTP clients ({@link ConformingHttpClient}, {@link RawHttp}) call it
 * for each exchange, so a new test is checked without asking.
 *
 * <p>A request is checked too, unless its test sends it {@link Intent#DELIBERATELY_INVALID} (a bad
 * body, a wrong content type, hostile input): then only the answer is. Requests may carry members
 * the document does not name, since the service ignores them; answers may not, so each member an
 * answer carries is one the document promises. A request no operation of the document matches (an
 * unknown path, a method the path lacks, a request line the server could not read) must be answered
 * with a 4xx in one of the document's error bodies: a problem on {@code /api/v2}, else a v1
 * {@code {"message"}} or a problem that also carries it.
 */
public final class OpenApiConformance {
    /** Whether the test means its request to be one the document allows. */
    public enum Intent {
        AS_DOCUMENTED,
        /** Sent malformed on purpose: its answer is checked, the request itself is not. */
        DELIBERATELY_INVALID
    }

    /** A request as it was sent; {@code target} is the path and query as written on the request line. */
    public record Sent(String method, String target, Map<String, List<String>> headers, byte[] body, Intent intent) {
    }

    /** An answer as it was received; header names in any case. */
    public record Received(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private static final String DOCUMENT = "/openapi/openapi.json";
    /** Swagger UI and its assets: an HTML page beside the API, which the document leaves out on purpose. */
    private static final String UI = "/apidocs";

    private static final class TheDocument {
        static final OpenApiConformance CHECKS = new OpenApiConformance(read());
    }

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> problem;
    private final Schema<?> message;
    private final Schema<?> validationError;

    private OpenApiConformance(String document) {
        LevelResolver levels = LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                // the service ignores members it does not know, and the document allows them in requests
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels)
                // an allOf merged into one schema, so that the members each part names are known to the whole
                .withResolveCombinators(true)
                .build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        this.schemas = new SchemaValidator(api, new MessageResolver(levels));
        this.problem = api.getComponents().getSchemas().get("Problem");
        this.message = api.getComponents().getSchemas().get("Message");
        this.validationError = api.getComponents().getSchemas().get("ValidationError");
        warmUp();
    }

    /**
     * The validator's first checks take a second or more (its schema machinery starts up): they are
     * made here, once, so that the checks in a test that times its answers cost milliseconds.
     */
    private void warmUp() {
        byte[] notFound = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no employee E-1\","
                + "\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> problemType = Map.of("Content-Type", List.of(V2ProblemBody.CONTENT_TYPE));
        for (int i = 0; i < 2; i++) {
            check(new Sent("GET", V2Paths.EMPLOYEES + "/E-1", Map.of("X-API-Key", List.of("a key")), new byte[0],
                    Intent.AS_DOCUMENTED), new Received(404, problemType, notFound));
        }
    }

    /** The checks of the document this module serves, read once. */
    public static OpenApiConformance ofTheDocument() {
        return TheDocument.CHECKS;
    }

    private static String read() {
        try (InputStream in = OpenApiConformance.class.getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request, then its answer.
     *
     * @throws AssertionError naming every way the exchange departs from the document
     */
    public void check(Sent sent, Received received) {
        checkRequest(sent);
        checkAnswer(sent, received);
    }

    /**
     * A request the test means as documented, before it is sent: so its cost is paid before the
     * service is asked, and a test that sends what the document does not allow fails at once. A
     * request no operation matches is left to {@link #checkAnswer}.
     *
     * @throws AssertionError naming every way the request departs from the document
     */
    public void checkRequest(Sent sent) {
        String path = path(sent);
        Optional<Method> method = method(sent.method());
        if (sent.intent() != Intent.AS_DOCUMENTED || outsideTheApi(path) || method.isEmpty()) {
            return;
        }
        ValidationReport report = validator.validateRequest(request(method.get(), path, sent));
        if (report.hasErrors() && !noOperation(report)) {
            throw new AssertionError(String.format("%s %s%nThe OpenAPI document does not allow this request:%n%s"
                            + "%nrequest headers %s%nrequest body %s",
                    sent.method(), abbreviated(sent.target()), messages(report), sent.headers(),
                    abbreviated(text(sent.body()))));
        }
    }

    /**
     * The answer to a request, whatever the request was.
     *
     * @throws AssertionError naming every way the answer departs from the document
     */
    public void checkAnswer(Sent sent, Received received) {
        String path = path(sent);
        if (outsideTheApi(path)) {
            return;
        }
        Optional<Method> method = method(sent.method());
        Received answer = decoded(received);
        ValidationReport report = method.isEmpty() ? ValidationReport.empty()
                : validator.validateResponse(path, method.get(), response(answer));
        if (method.isEmpty() || noOperation(report)) {
            report = undocumentedRequest(sent, path, answer);
        }
        if (report.hasErrors()) {
            throw new AssertionError(String.format("%s %s answered %d%nThe OpenAPI document does not allow this answer:%n%s"
                            + "%nrequest headers %s%nrequest body %s%nanswer headers %s%nanswer body %s",
                    sent.method(), abbreviated(sent.target()), answer.status(), messages(report),
                    sent.headers(), abbreviated(text(sent.body())), answer.headers(), abbreviated(text(answer.body()))));
        }
    }

    private static String path(Sent sent) {
        int queryStart = sent.target().indexOf('?');
        return queryStart < 0 ? sent.target() : sent.target().substring(0, queryStart);
    }

    private static boolean outsideTheApi(String path) {
        return path.equals(UI) || path.startsWith(UI + "/");
    }

    private static boolean noOperation(ValidationReport report) {
        return report.getMessages().stream().anyMatch(message -> message.getKey().endsWith(".path.missing")
                || message.getKey().endsWith(".operation.notAllowed"));
    }

    /**
     * The answer to a request no operation matches: a 4xx in an error body of the document, or the
     * 204 without a body that answers a CORS preflight from a listed origin.
     */
    private ValidationReport undocumentedRequest(Sent sent, String path, Received received) {
        String type = header(received, "Content-Type").orElse("");
        boolean v2 = path.equals("/api/v2") || path.startsWith("/api/v2/");
        boolean preflight = sent.method().equals("OPTIONS") && sent.headers().keySet().stream()
                .anyMatch(name -> name.equalsIgnoreCase("Access-Control-Request-Method"));
        if (preflight && received.status() == 204 && received.body().length == 0) {
            return ValidationReport.empty();
        }
        if (received.status() < 400 || received.status() > 499) {
            return error("no operation of the document matches the request, yet it was answered " + received.status());
        }
        if (type.startsWith(V2ProblemBody.CONTENT_TYPE)) {
            return schemas.validate(text(received.body()), problem, "validation.response.body");
        }
        if (!v2 && type.startsWith("application/json")) {
            // off /api/v2 a 400 is a validation failure, which names itself as the v1 original did
            return schemas.validate(text(received.body()), received.status() == 400 ? validationError : message,
                    "validation.response.body");
        }
        return error("an error answered as '" + type + "', which is none of the document's error bodies");
    }

    private static ValidationReport error(String text) {
        return ValidationReport.singleton(ValidationReport.Message.create("validation.response.undocumented", text).build());
    }

    /** The answer with its body as the client reads it: a gzipped body unzipped. */
    private static Received decoded(Received received) {
        if (!header(received, "Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            return received;
        }
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(received.body()))) {
            return new Received(received.status(), received.headers(), unzipped.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("the answer says gzip, but its body is not", e);
        }
    }

    private static Optional<Method> method(String name) {
        try {
            return Optional.of(Method.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException noHttpMethod) {
            return Optional.empty();
        }
    }

    private static SimpleRequest request(Method method, String path, Sent sent) {
        int queryStart = sent.target().indexOf('?');
        String query = queryStart < 0 ? "" : sent.target().substring(queryStart + 1);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        sent.headers().forEach(request::withHeader);
        if (sent.body().length > 0) {
            request.withBody(sent.body());
        }
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                request.withQueryParam(decoded(name), decoded(value));
            }
        }
        return request.build();
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static SimpleResponse response(Received received) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(received.status());
        received.headers().forEach(response::withHeader);
        if (received.body().length > 0) {
            response.withBody(received.body());
        }
        return response.build();
    }

    private static Optional<String> header(Received received, String name) {
        return received.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0))
                .findFirst();
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "  " + message.getKey() + ": " + message.getMessage()
                        + message.getNestedMessages().stream().map(nested -> "\n    " + nested.getMessage())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...(" + text.length() + " chars)";
    }
}
