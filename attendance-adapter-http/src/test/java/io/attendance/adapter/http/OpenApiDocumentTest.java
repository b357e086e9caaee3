package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as client generators read it: a real parser finds no error or warning in it,
 * and it keeps the rules that make generated clients stable (intent-named operation ids, every 4xx
 * declared, open enumerations in answers, one status type, one order of the conditional headers).
 * {@link ApiDocsTest} proves it describes the routes that exist.
 */
class OpenApiDocumentTest {
    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String STATUS = "#/components/schemas/Status";
    private static final JsonNode NULL_ONLY = new ObjectMapper().createArrayNode().addNull();

    private static String text;
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        try (InputStream in = ApiDocs.class.getResourceAsStream(ApiDocs.OPENAPI_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        document = new ObjectMapper().readTree(text);
    }

    @Test
    void aRealOpenApiParserReadsItWithoutAnErrorOrAWarning() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(result.getMessages()).as("the parser's errors and warnings").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSize(document.get("paths").size());
    }

    @Test
    void everyOperationHasAnIntentNamedUniqueOperationIdAndDeclaresItsClientErrors() {
        Set<String> ids = new HashSet<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText("");
            assertThat(id).as("%s has an operationId in lowerCamelCase", name).matches("[a-z][a-zA-Z0-9]+");
            assertThat(ids.add(id)).as("%s: operationId %s is unique", name, id).isTrue();
            List<String> statuses = new ArrayList<>();
            operation.get("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as("%s declares a 4xx", name).anySatisfy(status -> assertThat(status).startsWith("4"));
        });
        assertThat(ids).hasSizeGreaterThan(30);
    }

    /**
     * What the server answers before a request reaches its route: a request line or headers too long
     * to read (414, 431) on every route, a body that does not arrive in time (408) on every route that
     * reads one. A route added without them would answer what its operation does not document.
     */
    @Test
    void everyOperationDocumentsTheAnswersGivenBeforeItsRouteRuns() {
        forEachOperation((name, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses.has("414") && responses.has("431")).as("%s documents 414 and 431", name).isTrue();
            if (operation.has("requestBody")) {
                assertThat(responses.has("408")).as("%s reads a body: it documents 408", name).isTrue();
            }
        });
    }

    @Test
    void noAnswerHasAClosedEnumeration() {
        List<String> closed = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<JsonNode> answers = new ArrayDeque<>();
        forEachOperation((name, operation) -> operation.get("responses").forEach(answers::add));
        while (!answers.isEmpty()) {
            JsonNode node = answers.pop();
            if (node.has("$ref")) {
                String reference = node.get("$ref").asText();
                if (visited.add(reference)) {
                    answers.push(document.at(reference.substring(1)));
                }
            } else if (node.isContainerNode()) {
                // an enum of null alone is no enumeration but the null type, which OpenAPI 3.0 can only spell so
                if (node.has("enum") && node.get("enum").isArray() && !node.get("enum").equals(NULL_ONLY)) {
                    closed.add(node.toString());
                }
                node.forEach(answers::push);
            }
        }

        assertThat(visited).as("the walk reached the schemas").contains("#/components/schemas/AttendanceRecord", STATUS);
        assertThat(closed).as("a closed enum in an answer breaks clients when a value is added: use x-extensible-enum").isEmpty();
    }

    @Test
    void oneStatusTypeInRequestsAndAnswersOfV1AndV2() {
        JsonNode schemas = document.get("components").get("schemas");
        for (String schema : List.of("CreateAttendance", "Attendance", "PutRecord", "BatchItem", "WrittenRecord")) {
            assertThat(schemas.get(schema).get("properties").get("status").path("$ref").asText())
                    .as("%s.status", schema).isEqualTo(STATUS);
        }
        JsonNode searchStatus = parameter(document.get("paths").get("/api/v2/attendance").get("get"), "status");
        assertThat(searchStatus.get("schema").path("$ref").asText()).isEqualTo(STATUS);

        JsonNode labels = schemas.get("Status").get("x-extensible-enum");
        List<String> listing = new ArrayList<>();
        collect(document, (path, node) -> {
            if ((node.has("enum") || node.has("x-extensible-enum")) && !path.equals("/components/schemas/Status")
                    && labels.equals(node.has("enum") ? node.get("enum") : node.get("x-extensible-enum"))) {
                listing.add(path);
            }
        }, "");
        assertThat(listing).as("schemas that list the status labels beside Status").isEmpty();
    }

    @Test
    void ifMatchComesBeforeIfNoneMatchInEveryOperation() {
        forEachOperation((name, operation) -> {
            List<String> headers = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (resolved.get("name").asText().startsWith("If-")) {
                    headers.add(resolved.get("name").asText());
                }
            }
            if (headers.size() == 2) {
                assertThat(headers).as(name).containsExactly("If-Match", "If-None-Match");
            }
        });
    }

    @Test
    void generatedClientsGetAServerALicenceAndTheRealAuthentication() {
        assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        assertThat(document.get("info").get("license").get("name").asText()).isNotBlank();
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("bearerAuth").get("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.get("apiKeyAuth").get("name").asText()).isEqualTo("X-API-Key");
        assertThat(document.get("security").toString()).isEqualTo("[{\"bearerAuth\":[]},{\"apiKeyAuth\":[]}]");
        forEachOperation((name, operation) -> assertThat(operation.get("responses").toString())
                .as("%s answers JSON or text, never a page", name).doesNotContain("text/html"));
    }

    /**
     * In OpenAPI 3.0 {@code nullable} adds null to the {@code type} beside it and to nothing else: next
     * to a {@code $ref} or a composition it lets no null through, which strict validators enforce. A
     * nullable reference is a {@code oneOf} of the reference and a schema of null alone.
     */
    @Test
    void nullableStandsBesideATypeAndNeverBesideAReferenceOrAComposition() {
        List<String> nullables = new ArrayList<>();
        collect(document, (path, node) -> {
            if (node.path("nullable").asBoolean(false)) {
                nullables.add(path);
                assertThat(node.has("type")).as("%s is nullable: OpenAPI 3.0 wants its type beside it", path).isTrue();
                assertThat(List.of("$ref", "allOf", "oneOf", "anyOf")).as("%s is nullable beside", path)
                        .noneMatch(node::has);
            }
        }, "");
        assertThat(nullables).as("the nullable references of the audit events")
                .contains("/components/schemas/AuditEvent/properties/before/oneOf/1",
                        "/components/schemas/AuditEvent/properties/after/oneOf/1",
                        "/components/schemas/EmployeeAuditEvent/properties/before/oneOf/1");
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (OPERATION_KEYS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    seen.add(name);
                    action.accept(name, operation.getValue());
                }
            }
        }
        assertThat(seen).isNotEmpty();
    }

    private static void collect(JsonNode node, BiConsumer<String, JsonNode> visitor, String path) {
        if (node.isObject()) {
            visitor.accept(path, node);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), visitor, path + "/" + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), visitor, path + "/" + i);
            }
        }
    }
}
