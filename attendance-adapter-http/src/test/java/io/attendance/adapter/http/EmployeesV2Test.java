package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT, GET, DELETE /api/v2/employees/{id} and GET /api/v2/employees over real HTTP. */
class EmployeesV2Test {
    private static final String ADA = "{\"name\":\"Ada Lovelace\",\"department\":\"R&D\",\"timezone\":\"Europe/London\"}";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @Test
    void aNewEmployeeIs201WithItsLocationItsETagAndEveryField() {
        Reply created = server.put(employee("E-1"), ADA);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.header("Location")).isEqualTo("/api/v2/employees/E-1");
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body()).isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"department\":\"R&D\","
                + "\"timezone\":\"Europe/London\",\"active\":true,\"version\":1,"
                + "\"createdAt\":\"2026-11-28T09:30:00Z\",\"updatedAt\":\"2026-11-28T09:30:00Z\"}");
    }

    @Test
    void aReplacementIs200WithTheNextVersionAndReplacesEveryField() {
        server.put(employee("E-1"), ADA);
        server.clock.advance(Duration.ofHours(1));

        Reply replaced = server.put(employee("E-1"), "{\"name\":\"Ada King\",\"active\":false}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("Location")).isNull();
        assertThat(replaced.etag()).isEqualTo("\"2\"");
        JsonNode body = replaced.json();
        assertThat(body.get("name").asText()).isEqualTo("Ada King");
        assertThat(body.get("department").isNull()).isTrue();
        assertThat(body.get("timezone").asText()).isEqualTo("UTC");
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-11-28T09:30:00Z");
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-11-28T10:30:00Z");
        assertThat(server.get(employee("E-1")).body()).isEqualTo(replaced.body());
    }

    @Test
    void writingTheSameDetailsAgainKeepsTheVersion() {
        server.put(employee("E-1"), ADA);

        Reply again = server.put(employee("E-1"), ADA);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.etag()).isEqualTo("\"1\"");
    }

    @Test
    void withoutATimezoneTheConfiguredDefaultApplies() {
        try (RunningApi paris = RunningApi.start(
                RunningApi.SETTINGS.withDefaultTimezone(ZoneId.of("Europe/Paris")), records -> records)) {
            assertThat(paris.putEmployee("E-1", "Ada").json().get("timezone").asText()).isEqualTo("Europe/Paris");
        }
        assertThat(server.putEmployee("E-1", "Ada").json().get("timezone").asText()).isEqualTo("UTC");
    }

    @Test
    void unknownFieldsAndTheIdInTheBodyAreIgnored() {
        Reply created = server.put(employee("E-1"), "{\"id\":\"E-2\",\"name\":\"Ada\",\"salary\":{\"gross\":1}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("E-1");
        assertThat(server.get(employee("E-2")).status()).isEqualTo(404);
    }

    @Test
    void aGetAnswersTheEmployeeWithItsETag() {
        server.put(employee("E-1"), ADA);

        Reply found = server.get(employee("E-1"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.etag()).isEqualTo("\"1\"");
        assertThat(found.json().get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aHeadIsAnsweredAsTheGetWithoutTheBody() {
        server.put(employee("E-1"), ADA);

        Reply head = server.head(employee("E-1"));
        Reply missing = server.head(employee("nobody"));
        Reply current = server.head(employee("E-1"), "If-None-Match", "\"1\"");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.etag()).isEqualTo("\"1\"");
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(head.header("Content-Length")).isEqualTo(server.get(employee("E-1")).header("Content-Length"));
        assertThat(head.body()).isEmpty();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo(V2ProblemBody.CONTENT_TYPE);
        assertThat(missing.body()).isEmpty();
        assertThat(current.status()).isEqualTo(304);
    }

    @Test
    void anUnknownEmployeeIsA404Problem() {
        Reply missing = server.get(employee("nobody"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors")).isEmpty();
        assertThat(server.delete(employee("nobody")).status()).isEqualTo(404);
    }

    @Test
    void aDeleteDeactivatesTheEmployeeAndKeepsTheirRecords() {
        server.put(employee("E-1"), ADA);
        server.putRecord("E-1", "2026-11-27", "{\"status\":\"Present\"}");

        Reply deleted = server.delete(employee("E-1"));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.etag()).isEqualTo("\"2\"");
        Reply after = server.get(employee("E-1"));
        assertThat(after.json().get("active").asBoolean()).isFalse();
        assertThat(after.json().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(server.get(RunningApi.record("E-1", "2026-11-27")).status()).isEqualTo(200);
        assertThat(server.delete(employee("E-1")).status()).isEqualTo(204);
    }

    @Test
    void theListingFiltersByDepartmentActivityAndNamePrefixIgnoringCase() {
        server.put(employee("E-1"), "{\"name\":\"Ada Lovelace\",\"department\":\"R&D\"}");
        server.put(employee("E-2"), "{\"name\":\"Alan Turing\",\"department\":\"R&D\",\"active\":false}");
        server.put(employee("E-3"), "{\"name\":\"Grace Hopper\",\"department\":\"Navy\"}");

        assertThat(ids("")).containsExactly("E-1", "E-2", "E-3");
        assertThat(ids("?department=" + URLEncoder.encode("R&D", StandardCharsets.UTF_8))).containsExactly("E-1", "E-2");
        assertThat(ids("?active=true")).containsExactly("E-1", "E-3");
        assertThat(ids("?active=false")).containsExactly("E-2");
        assertThat(ids("?q=a")).containsExactly("E-1", "E-2");
        assertThat(ids("?q=GRACE")).containsExactly("E-3");
        assertThat(ids("?q=Lovelace")).isEmpty();
        assertThat(ids("?department=Navy&active=true&q=g")).containsExactly("E-3");
    }

    @Test
    void walkingThePagesWithNextCursorListsEveryEmployeeOnce() {
        for (int i = 1; i <= 7; i++) {
            server.putEmployee("E-" + i, "Person " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = server.get(V2Paths.EMPLOYEES + "?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "E-7");
    }

    @Test
    void aListingThatFitsOnOnePageHasANullCursor() {
        server.putEmployee("E-1", "Ada");

        Reply page = server.get(V2Paths.EMPLOYEES);

        assertThat(page.body()).startsWith("{\"items\":[").endsWith("],\"nextCursor\":null}");
    }

    @Test
    void aTamperedCursorOrOneOfAnotherQueryIsA400() {
        for (int i = 1; i <= 3; i++) {
            server.putEmployee("E-" + i, "Person " + i);
        }
        String cursor = server.get(V2Paths.EMPLOYEES + "?limit=1").json().get("nextCursor").asText();
        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");

        Reply tampered = server.get(V2Paths.EMPLOYEES + "?limit=1&cursor=" + forged);
        Reply garbage = server.get(V2Paths.EMPLOYEES + "?cursor=not-a-cursor");
        Reply otherQuery = server.get(V2Paths.EMPLOYEES + "?limit=1&active=true&cursor=" + cursor);

        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.contentType()).startsWith("application/problem+json");
        assertThat(tampered.fieldErrors()).containsExactly("cursor is not a cursor this service issued");
        assertThat(garbage.fieldErrors()).containsExactly("cursor is not a cursor this service issued");
        assertThat(otherQuery.status()).isEqualTo(400);
        assertThat(otherQuery.fieldErrors()).singleElement().asString().startsWith("cursor belongs to another query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=5000", "limit=abc", "limit=-1", "limit=99999999999", "limit=1.5"})
    void aLimitOutside1To1000IsA400(String query) {
        Reply rejected = server.deliberatelyInvalid().get(V2Paths.EMPLOYEES + "?" + query);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.fieldErrors()).singleElement().asString().startsWith("limit must be");
    }

    @Test
    void anActiveFilterOtherThanTrueOrFalseIsA400() {
        Reply rejected = server.deliberatelyInvalid().get(V2Paths.EMPLOYEES + "?active=yes&limit=abc");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.fieldErrors())
                .containsExactly("active must be true or false", "limit must be a whole number between 1 and 1000");
    }

    static Stream<Arguments> rejectedEmployees() {
        return Stream.of(
                Arguments.of("no name", "{\"department\":\"R&D\"}", "name is required"),
                Arguments.of("a blank name", "{\"name\":\"  \"}", "name is required"),
                Arguments.of("a number for the name", "{\"name\":42}", "name must be a JSON string, was a number"),
                Arguments.of("an object for the department", "{\"name\":\"Ada\",\"department\":{}}",
                        "department must be a JSON string, was an object"),
                Arguments.of("a string for active", "{\"name\":\"Ada\",\"active\":\"yes\"}",
                        "active must be true or false, was a string"),
                Arguments.of("a number for active", "{\"name\":\"Ada\",\"active\":1}", "active must be true or false, was a number"),
                Arguments.of("an unknown time zone", "{\"name\":\"Ada\",\"timezone\":\"Mars/Olympus\"}",
                        "timezone must be an IANA time zone such as Europe/Paris or UTC"),
                Arguments.of("a fixed offset for the time zone", "{\"name\":\"Ada\",\"timezone\":\"+02:00\"}",
                        "timezone must be an IANA time zone such as Europe/Paris or UTC"),
                Arguments.of("a department of 101 characters", "{\"name\":\"Ada\",\"department\":\"" + "d".repeat(101) + "\"}",
                        "department must be at most 100 characters"),
                Arguments.of("a body that is not JSON", "name=Ada", "body is not valid JSON"),
                Arguments.of("a JSON array", "[{\"name\":\"Ada\"}]", "body must be a JSON object, was an array"),
                Arguments.of("JSON null", "null", "body must be a JSON object, was null"),
                Arguments.of("an empty body", "", "body is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedEmployees")
    void aRejectedEmployeeIsA400ProblemNamingTheFieldAndStoresNothing(String description, String body, String error) {
        Reply rejected = server.deliberatelyInvalid().put(employee("E-1"), body);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.fieldErrors()).anySatisfy(message -> assertThat(message).startsWith(error));
        assertThat(server.get(employee("E-1")).status()).isEqualTo(404);
    }

    @Test
    void everyTypeErrorIsReportedAtOnce() {
        Reply rejected = server.deliberatelyInvalid().put(employee("E-1"), "{\"name\":1,\"department\":true,\"timezone\":[],\"active\":\"no\"}");

        assertThat(rejected.fieldErrors()).containsExactly(
                "name must be a JSON string, was a number",
                "department must be a JSON string, was a boolean",
                "timezone must be a JSON string, was an array",
                "active must be true or false, was a string");
    }

    @Test
    void aMalformedIdInThePathIsA400() {
        Reply rejected = server.deliberatelyInvalid().put(employee("E%201"), "{\"name\":\"Ada\"}");
        Reply get = server.deliberatelyInvalid().get(employee("E%201"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.fieldErrors()).containsExactly("id may contain only letters, digits, '.', '_' and '-'");
        assertThat(get.status()).isEqualTo(400);
        assertThat(server.get(V2Paths.EMPLOYEES).json().get("items")).isEmpty();
    }

    private List<String> ids(String query) {
        Reply page = server.get(V2Paths.EMPLOYEES + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
