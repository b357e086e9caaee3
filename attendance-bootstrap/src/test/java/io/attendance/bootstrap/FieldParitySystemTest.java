package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every field of a day ({@link DayEntry}) and of an employee ({@link EmployeeDetails}) makes it
 * through every place that must carry it: the OpenAPI document, the v2 body reader and view, the
 * PostgreSQL row, the cached JSON, the audit snapshots, and the check that tells a change from a
 * rewrite of the same content. The fields are walked from the records themselves, so a field added
 * to either fails here, naming the place that forgot it, until each of them carries it. Two
 * instances share the stores: one fills the cache from PostgreSQL, the other reads what Redis holds
 * (the filling one could answer from what it loaded, and hide a field the JSON lost).
 */
class FieldParitySystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a client does not write: the channel a record came through is the route's. */
    private static final List<String> SET_BY_THE_SERVER = List.of("source");
    /** For each field a client writes: a first value, then another that changes only that field. */
    private static final Map<String, List<String>> RECORD_VALUES = Map.of(
            "status", List.of("\"Present\"", "\"Half Day\""),
            "checkIn", List.of("\"2026-11-27T08:00:00.000001Z\"", "\"2026-11-27T08:30:00Z\""),
            "checkOut", List.of("\"2026-11-27T16:59:59.999999Z\"", "\"2026-11-27T12:00:00Z\""),
            "note", List.of("\"Line one\\nline \\\"two\\\" – ✓\"", "\"another note\""));
    private static final Map<String, List<String>> EMPLOYEE_VALUES = Map.of(
            "name", List.of("\"Ada \\\"O'Brien\\\" Lovelace\"", "\"Ada King\""),
            "department", List.of("\"R&D – ✓\"", "\"Operations\""),
            "timezone", List.of("\"Asia/Kolkata\"", "\"America/St_Johns\""),
            "active", List.of("true", "false"));
    private static final Pattern CACHE_HITS = Pattern.compile(
            "cache_gets_total\\{[^}]*entry=\"(\\w+)\"[^}]*result=\"hit\"[^}]*} ([0-9.E]+)");

    private static RunningService filling;
    private static RunningService reading;

    @BeforeAll
    static void start() {
        Map<String, String> servers = TestServers.freshEnvironment();
        filling = RunningService.start(servers);
        reading = RunningService.start(servers);
    }

    @AfterAll
    static void stop() {
        reading.close();
        filling.close();
    }

    @Test
    void everyFieldOfADayIsCarriedEverywhere() {
        assertThat(filling.put("/api/v2/employees/P-1", "{\"name\":\"Ada\",\"timezone\":\"UTC\"}").statusCode())
                .isEqualTo(201);
        List<String> fields = clientFields(DayEntry.class, RECORD_VALUES);

        assertCarriedEverywhere(new Paths("/api/v2/employees/P-1/attendance/2026-11-27", "record"),
                fields, RECORD_VALUES, "PutRecord", "AttendanceRecord", "WrittenRecord");
    }

    @Test
    void everyFieldOfAnEmployeeIsCarriedEverywhere() {
        List<String> fields = clientFields(EmployeeDetails.class, EMPLOYEE_VALUES);

        assertCarriedEverywhere(new Paths("/api/v2/employees/P-2", "employee"),
                fields, EMPLOYEE_VALUES, "PutEmployee", "Employee");
    }

    private record Paths(String resource, String cacheEntry) {
    }

    /** The record's components a client writes, each of which must have values here to be checked with. */
    private static List<String> clientFields(Class<? extends Record> type, Map<String, List<String>> values) {
        List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !SET_BY_THE_SERVER.contains(name)).toList();
        assertThat(values.keySet()).as("%s's fields with values in this test: give a new field two values here, "
                + "so that every place below is checked for it", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(fields);
        return fields;
    }

    private static void assertCarriedEverywhere(Paths paths, List<String> fields, Map<String, List<String>> values,
            String bodySchema, String... viewSchemas) {
        JsonNode document = openApiDocument();
        assertThat(properties(document, bodySchema)).as("the OpenAPI document's %s", bodySchema)
                .containsAll(fields);
        for (String viewSchema : viewSchemas) {
            assertThat(properties(document, viewSchema)).as("the OpenAPI document's %s", viewSchema)
                    .containsAll(fields);
        }

        ObjectNode sent = firstValues(fields, values);
        HttpResponse<String> created = filling.put(paths.resource(), sent.toString());
        assertThat(created.statusCode()).as("the first PUT").isEqualTo(201);
        assertFields(created.body(), sent, fields, "the answer of a PUT (the v2 body reader and view)");

        assertThat(filling.get(paths.resource()).body()).satisfies(
                fromPostgres -> assertFields(fromPostgres, sent, fields, "a read from PostgreSQL (the row mapping)"));
        assertFields(readFromRedis(paths), sent, fields, "a read from the cache (the cached JSON)");

        List<ObjectNode> versions = new ArrayList<>(List.of(sent));
        for (String field : fields) {
            ObjectNode changed = versions.get(versions.size() - 1).deepCopy();
            changed.set(field, parse(values.get(field).get(1)));
            String etag = filling.get(paths.resource()).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> revised = filling.put(paths.resource(), changed.toString(), "If-Match", etag);
            assertThat(revised.statusCode()).as("a PUT changing %s alone (the check that tells a change from "
                    + "the same content): %s", field, revised.body()).isEqualTo(200);
            assertFields(revised.body(), changed, fields, "the answer of a PUT changing " + field);
            versions.add(changed);
        }

        JsonNode history = parse(filling.get(paths.resource() + "/history?limit=100").body()).get("items");
        assertThat(history).as("the history: one event per write").hasSize(versions.size());
        for (int event = 0; event < versions.size(); event++) {
            assertFields(history.get(event).get("after").toString(), versions.get(event), fields,
                    "the audit snapshot after write " + (event + 1));
            if (event > 0) {
                assertFields(history.get(event).get("before").toString(), versions.get(event - 1), fields,
                        "the audit snapshot before write " + (event + 1));
            }
        }
    }

    /** Every field at its first value. */
    private static ObjectNode firstValues(List<String> fields, Map<String, List<String>> values) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : fields) {
            body.set(field, parse(values.get(field).get(0)));
        }
        return body;
    }

    private static void assertFields(String answer, JsonNode sent, List<String> fields, String place) {
        JsonNode shown = parse(answer);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        for (String field : fields) {
            expected.put(field, sent.get(field));
            actual.put(field, shown.get(field));
        }
        assertThat(actual).as("the fields in %s: %s", place, answer).isEqualTo(expected);
    }

    private static List<String> properties(JsonNode document, String schema) {
        JsonNode definition = document.at("/components/schemas/" + schema);
        assertThat(definition.isMissingNode()).as("schema %s in the OpenAPI document", schema).isFalse();
        List<String> names = new ArrayList<>();
        definition.path("properties").fieldNames().forEachRemaining(names::add);
        for (JsonNode part : definition.path("allOf")) {
            JsonNode resolved = part.has("$ref") ? document.at(part.get("$ref").asText().substring(1)) : part;
            resolved.path("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /**
     * What the second instance answers from Redis. Its first read may miss, and read PostgreSQL
     * instead, until its cache has caught up with the change feed past the write; so it reads
     * until one read was a hit, the only answer returned.
     */
    private static String readFromRedis(Paths paths) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            double hitsBefore = cacheHits(reading, paths.cacheEntry());
            String answer = reading.get(paths.resource()).body();
            if (cacheHits(reading, paths.cacheEntry()) > hitsBefore) {
                return answer;
            }
            assertThat(System.nanoTime()).as("a read of the second instance from Redis in time").isLessThan(deadline);
        }
    }

    private static double cacheHits(RunningService service, String entry) {
        Matcher hits = CACHE_HITS.matcher(service.get("/metrics").body());
        while (hits.find()) {
            if (hits.group(1).equals(entry)) {
                return Double.parseDouble(hits.group(2));
            }
        }
        return 0;
    }

    private static JsonNode openApiDocument() {
        try (InputStream document = FieldParitySystemTest.class.getResourceAsStream("/openapi/openapi.json")) {
            assertThat(document).as("the OpenAPI document on the class path").isNotNull();
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
