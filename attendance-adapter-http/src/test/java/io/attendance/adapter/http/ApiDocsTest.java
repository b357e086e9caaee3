package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document matches the routes that exist, and Swagger UI renders it without a CDN. */
class ApiDocsTest {
    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> UI_PAGE = Set.of("GET " + ApiDocs.UI, "HEAD " + ApiDocs.UI);
    private static RunningApi server;

    @BeforeAll
    static void startServer() {
        server = RunningApi.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theDocumentIsOpenApi3Json() {
        Reply document = server.get(ApiDocs.OPENAPI);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
        assertThat(document.json().get("openapi").asText()).startsWith("3.");
        assertThat(document.json().get("info").get("title").asText()).isEqualTo("Attendance API");
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesThatExist() {
        Set<String> documented = operationsWhere(operation -> true);

        List<String> operations = new ArrayList<>(server.api.routes());
        // an HTML page is no operation: a generated client could not call it
        assertThat(operations.removeAll(UI_PAGE)).isTrue();
        assertThat(documented)
                .as("routes without an OpenAPI operation, or operations without a route")
                .containsExactlyInAnyOrderElementsOf(operations);
    }

    @Test
    void theOperationsWithoutCredentialsAreTheRoutesOpenToAnyone() {
        Set<String> documentedOpen = operationsWhere(operation -> operation.has("security") && operation.get("security").isEmpty());
        Set<String> open = new TreeSet<>();
        server.api.accessRules().forEach((route, rule) -> {
            if (!rule.needsCredentials() && !UI_PAGE.contains(route)) {
                open.add(route);
            }
        });

        assertThat(open).contains("POST /api/v2/auth/login", "GET /health/live");
        assertThat(documentedOpen).isEqualTo(open);
    }

    @Test
    void everyV2OperationDocumentsItsProblemsAndTheSchemasTheIssueNames() {
        JsonNode document = server.get(ApiDocs.OPENAPI).json();
        for (String schema : List.of("AttendanceRecord", "Employee", "EmployeePage", "RecordPage", "Problem", "AuditEvent", "BatchOutcome")) {
            assertThat(document.get("components").get("schemas").has(schema)).as(schema).isTrue();
        }
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v2/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                // a HEAD answers no body, problem or other: everyHeadOperationIsItsGetWithoutTheContent
                if (!OPERATION_KEYS.contains(operation.getKey()) || operation.getKey().equals("head")) {
                    continue;
                }
                JsonNode responses = operation.getValue().get("responses");
                assertThat(responses.has("400")).as("%s %s documents its 400", operation.getKey(), path.getKey()).isTrue();
                responses.properties().stream()
                        .filter(response -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                        .forEach(response -> assertThat(response.getValue().get("$ref").asText())
                                .as("%s %s %s", operation.getKey(), path.getKey(), response.getKey())
                                .startsWith("#/components/responses/Problem"));
            }
        }
        JsonNode putRecord = document.get("paths").get("/api/v2/employees/{id}/attendance/{date}").get("put");
        assertThat(putRecord.get("responses").get("201").get("headers").has("Location")).isTrue();
        assertThat(putRecord.get("responses").get("201").get("headers").has("ETag")).isTrue();
        assertThat(putRecord.get("parameters").toString()).contains("IfMatch").contains("IfNoneMatchWrite");
    }

    @Test
    void everyHeadOperationIsItsGetWithoutTheContent() {
        JsonNode document = server.get(ApiDocs.OPENAPI).json();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            JsonNode head = path.getValue().get("head");
            assertThat(head == null).as("GET and HEAD of %s", path.getKey()).isEqualTo(get == null);
            if (get == null) {
                continue;
            }
            assertThat(head.get("operationId").asText()).isEqualTo(get.get("operationId").asText() + "Head");
            assertThat(head.get("parameters")).as(path.getKey()).isEqualTo(get.get("parameters"));
            assertThat(head.get("security")).as(path.getKey()).isEqualTo(get.get("security"));
            List<String> statuses = new ArrayList<>();
            get.get("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(head.get("responses").fieldNames()).toIterable().as(path.getKey()).containsExactlyElementsOf(statuses);
            for (String status : statuses) {
                JsonNode getResponse = resolved(document, get.get("responses").get(status));
                JsonNode headResponse = head.get("responses").get(status);
                assertThat(headResponse.has("content")).as("HEAD %s %s", path.getKey(), status).isFalse();
                assertThat(headResponse.get("headers")).as("HEAD %s %s", path.getKey(), status).isEqualTo(getResponse.get("headers"));
            }
        }
    }

    private static JsonNode resolved(JsonNode document, JsonNode response) {
        return response.has("$ref") ? document.at(response.get("$ref").asText().substring(1)) : response;
    }

    @Test
    void everyOperationDeclaresItsSuccessAndEveryReferenceResolves() {
        JsonNode document = server.get(ApiDocs.OPENAPI).json();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (OPERATION_KEYS.contains(operation.getKey())) {
                    List<String> statuses = new ArrayList<>();
                    operation.getValue().get("responses").fieldNames().forEachRemaining(statuses::add);
                    assertThat(statuses).as("%s %s has a 2xx response", operation.getKey(), path.getKey())
                            .anySatisfy(status -> assertThat(status).startsWith("2"));
                    assertThat(operation.getValue().hasNonNull("operationId")).isTrue();
                }
            }
        }
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        assertThat(references).allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        });
    }

    @Test
    void theDocumentServedIsTheModulesResource() throws Exception {
        try (var resource = ApiDocs.class.getResourceAsStream(ApiDocs.OPENAPI_RESOURCE)) {
            assertThat(server.get(ApiDocs.OPENAPI).json()).isEqualTo(RunningApi.JSON.readTree(resource));
        }
    }

    @Test
    void apidocsIsSwaggerUiPointedAtTheDocument() {
        Reply page = server.get(ApiDocs.UI);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("SwaggerUIBundle(").contains("url: \"/openapi.json\"");
        assertThat(page.body()).doesNotContain("https://").doesNotContain("petstore");
    }

    @Test
    void everyAssetThePageReferencesIsServedFromTheWebjar() {
        Reply page = server.get(ApiDocs.UI);
        Matcher reference = Pattern.compile("(?:src|href)=\"(/apidocs/[^\"]+)\"").matcher(page.body());
        Map<String, String> expectedTypes = Map.of(
                ".js", "javascript", ".css", "text/css", ".png", "image/png");
        List<String> assets = new ArrayList<>();
        while (reference.find()) {
            assets.add(reference.group(1));
        }

        assertThat(assets).contains("/apidocs/swagger-ui-bundle.js", "/apidocs/swagger-ui.css");
        assertThat(assets).allSatisfy(asset -> {
            Reply served = server.get(asset);
            assertThat(served.status()).as(asset).isEqualTo(200);
            assertThat(served.body()).as(asset).isNotEmpty();
            String extension = asset.substring(asset.lastIndexOf('.'));
            assertThat(served.contentType()).as(asset).contains(expectedTypes.get(extension));
        });
        assertThat(server.get("/apidocs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
    }

    @Test
    void theWebjarsDemoPageAndPetstoreInitializerAreNotServed() {
        assertThat(server.get("/apidocs/index.html").status()).isEqualTo(404);
        assertThat(server.get("/apidocs/swagger-initializer.js").status()).isEqualTo(404);
        assertThat(server.get("/apidocs/../apidocs/swagger-initializer.js").status()).isEqualTo(404);
    }

    /** "METHOD /path" of each operation of the document served that satisfies {@code condition}. */
    private static Set<String> operationsWhere(Predicate<JsonNode> condition) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : server.get(ApiDocs.OPENAPI).json().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (OPERATION_KEYS.contains(operation.getKey()) && condition.test(operation.getValue())) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
