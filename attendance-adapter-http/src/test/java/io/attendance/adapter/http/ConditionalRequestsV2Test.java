package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.testing.AllAtOnce;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ETag, If-Match, If-None-Match, 304 and 412 on employees and records, in sequence and under real concurrency. */
class ConditionalRequestsV2Test {
    private static final String DAY = "2026-11-27";
    private static final String PRESENT = "{\"status\":\"Present\"}";
    private static final String ABSENT = "{\"status\":\"Absent\"}";
    private static final int WRITERS = 16;

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void adaIsAnEmployee() {
        server.putEmployee("E-1", "Ada");
    }

    @Test
    void aGetWithTheCurrentETagIs304WithTheETagAndNoBody() {
        server.putRecord("E-1", DAY, PRESENT);

        for (String ifNoneMatch : new String[] {"\"1\"", "W/\"1\"", "*", "\"7\", \"1\""}) {
            Reply notModified = server.get(record("E-1", DAY), "If-None-Match", ifNoneMatch);

            assertThat(notModified.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(notModified.etag()).isEqualTo("\"1\"");
            assertThat(notModified.body()).isEmpty();
        }
        Reply employee = server.get(employee("E-1"), "If-None-Match", "\"1\"");
        assertThat(employee.status()).isEqualTo(304);
        assertThat(employee.etag()).isEqualTo("\"1\"");
    }

    @Test
    void aGetWithAnOlderETagIs200WithTheCurrentOne() {
        server.putRecord("E-1", DAY, PRESENT);
        server.putRecord("E-1", DAY, ABSENT);

        Reply modified = server.get(record("E-1", DAY), "If-None-Match", "\"1\"");

        assertThat(modified.status()).isEqualTo(200);
        assertThat(modified.etag()).isEqualTo("\"2\"");
        assertThat(modified.json().get("status").asText()).isEqualTo("Absent");
    }

    @Test
    void aGetWhoseIfMatchFailsIs412() {
        server.putRecord("E-1", DAY, PRESENT);

        assertThat(server.get(record("E-1", DAY), "If-Match", "\"2\"").status()).isEqualTo(412);
        assertThat(server.get(record("E-1", DAY), "If-Match", "\"1\"").status()).isEqualTo(200);
    }

    @Test
    void aPutWithTheCurrentETagReplacesAndAnswersTheNextOne() {
        server.putRecord("E-1", DAY, PRESENT);

        Reply replaced = server.putRecord("E-1", DAY, ABSENT, "If-Match", "\"1\"");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isEqualTo("\"2\"");
    }

    @Test
    void aPutWithAStaleETagIs412AndChangesNothing() {
        server.putRecord("E-1", DAY, PRESENT);
        server.putRecord("E-1", DAY, ABSENT, "If-Match", "\"1\"");

        Reply stale = server.putRecord("E-1", DAY, "{\"status\":\"Holiday\"}", "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("title").asText()).isEqualTo("Precondition Failed");
        Reply stored = server.get(record("E-1", DAY));
        assertThat(stored.etag()).isEqualTo("\"2\"");
        assertThat(stored.json().get("status").asText()).isEqualTo("Absent");
        assertThat(server.get(record("E-1", DAY) + "/history").json().get("items")).hasSize(2);
    }

    @Test
    void ifMatchOfAnAbsentRecordIs412AndCreatesNothing() {
        assertThat(server.putRecord("E-1", DAY, PRESENT, "If-Match", "*").status()).isEqualTo(412);
        assertThat(server.putRecord("E-1", DAY, PRESENT, "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(server.get(record("E-1", DAY)).status()).isEqualTo(404);
    }

    @Test
    void ifMatchStarReplacesWhateverVersionExists() {
        server.putRecord("E-1", DAY, PRESENT);

        assertThat(server.putRecord("E-1", DAY, ABSENT, "If-Match", "*").status()).isEqualTo(200);
    }

    @Test
    void aListOfETagsMatchesWhenItNamesTheStoredVersion() {
        server.putRecord("E-1", DAY, PRESENT);
        server.putRecord("E-1", DAY, ABSENT);

        Reply noneListed = server.putRecord("E-1", DAY, PRESENT, "If-Match", "\"3\", \"1\"");
        Reply listed = server.putRecord("E-1", DAY, PRESENT, "If-Match", "\"1\", \"2\"");

        assertThat(noneListed.status()).isEqualTo(412);
        assertThat(noneListed.json().get("detail").asText()).isEqualTo("the stored version is none of \"1\", \"3\"");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.etag()).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchComparesStronglySoAWeakETagNeverMatchesAndTheWriteChangesNothing() {
        server.putRecord("E-1", DAY, PRESENT);

        Reply weak = server.putRecord("E-1", DAY, ABSENT, "If-Match", "W/\"1\"");
        Reply weakDelete = server.delete(record("E-1", DAY), "If-Match", "W/\"1\"");
        Reply weakRead = server.get(record("E-1", DAY), "If-Match", "W/\"1\"");
        Reply strongAmongWeak = server.putRecord("E-1", DAY, ABSENT, "If-Match", "W/\"1\", \"1\"");

        assertThat(weak.status()).isEqualTo(412);
        assertThat(weak.json().get("detail").asText()).contains("weak");
        assertThat(weakDelete.status()).isEqualTo(412);
        assertThat(weakRead.status()).isEqualTo(412);
        assertThat(strongAmongWeak.status()).isEqualTo(200);
        assertThat(strongAmongWeak.etag()).isEqualTo("\"2\"");
        assertThat(server.putEmployee("E-1", "Ada Lovelace").status()).isEqualTo(200);
        assertThat(server.put(employee("E-1"), "{\"name\":\"Ada\"}", "If-Match", "W/\"2\"").status()).isEqualTo(412);
        assertThat(server.get(employee("E-1")).json().get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void ifNoneMatchComparesWeaklySoAWeakETagOfTheStoredVersionIs304() {
        server.putRecord("E-1", DAY, PRESENT);

        assertThat(server.get(record("E-1", DAY), "If-None-Match", "W/\"1\"").status()).isEqualTo(304);
        assertThat(server.get(record("E-1", DAY), "If-None-Match", "W/\"2\"").status()).isEqualTo(200);
    }

    @Test
    void ifNoneMatchStarCreatesOnlyWhenAbsent() {
        Reply created = server.putRecord("E-1", DAY, PRESENT, "If-None-Match", "*");
        Reply again = server.putRecord("E-1", DAY, ABSENT, "If-None-Match", "*");

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(412);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(server.get(record("E-1", DAY)).json().get("status").asText()).isEqualTo("Present");
    }

    @Test
    void aDeleteWithAStaleETagIs412AndKeepsTheRecord() {
        server.putRecord("E-1", DAY, PRESENT);
        server.putRecord("E-1", DAY, ABSENT);

        Reply stale = server.delete(record("E-1", DAY), "If-Match", "\"1\"");
        Reply current = server.delete(record("E-1", DAY), "If-Match", "\"2\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(204);
        assertThat(server.get(record("E-1", DAY)).status()).isEqualTo(404);
    }

    @Test
    void employeesTakeTheSameConditions() {
        Reply stale = server.put(employee("E-1"), "{\"name\":\"Ada King\"}", "If-Match", "\"2\"");
        Reply createOnly = server.put(employee("E-1"), "{\"name\":\"Ada King\"}", "If-None-Match", "*");
        Reply current = server.put(employee("E-1"), "{\"name\":\"Ada King\"}", "If-Match", "\"1\"");
        Reply staleDelete = server.delete(employee("E-1"), "If-Match", "\"1\"");
        Reply delete = server.delete(employee("E-1"), "If-Match", "\"2\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(createOnly.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.etag()).isEqualTo("\"2\"");
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.etag()).isEqualTo("\"3\"");
        assertThat(server.put(employee("E-2"), "{\"name\":\"Bob\"}", "If-None-Match", "*").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"abc\"", "\"1\" junk", "\"1", "W/1", "*, \"1\"", ",", "\"-1\"", "\"99999999999999999999\""})
    void aMalformedIfMatchIsA400AndChangesNothing(String ifMatch) {
        server.putRecord("E-1", DAY, PRESENT);

        Reply rejected = server.putRecord("E-1", DAY, ABSENT, "If-Match", ifMatch);
        Reply get = server.get(record("E-1", DAY), "If-Match", ifMatch);
        Reply delete = server.delete(record("E-1", DAY), "If-Match", ifMatch);

        for (Reply reply : List.of(rejected, get, delete)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.fieldErrors()).containsExactly("If-Match must be * or a list of ETags such as \"3\"");
        }
        assertThat(server.get(record("E-1", DAY)).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aWriteRefusesIfNoneMatchWithTagsOrWithIfMatch() {
        Reply tags = server.deliberatelyInvalid().putRecord("E-1", DAY, PRESENT, "If-None-Match", "\"1\"");
        Reply both = server.deliberatelyInvalid().putRecord("E-1", DAY, PRESENT, "If-None-Match", "*", "If-Match", "\"1\"");
        Reply malformedRead = server.deliberatelyInvalid().get(employee("E-1"), "If-None-Match", "one");

        assertThat(tags.status()).isEqualTo(400);
        assertThat(tags.fieldErrors()).containsExactly("If-None-Match on a write may only be * (create only)");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.fieldErrors()).singleElement().asString().startsWith("If-None-Match * cannot be sent with If-Match");
        assertThat(malformedRead.status()).isEqualTo(400);
        assertThat(server.get(record("E-1", DAY)).status()).isEqualTo(404);
    }

    @Test
    void ofConcurrentPutsWithTheSameIfMatchExactlyOneWinsAndTheOthersAre412() throws Exception {
        server.putRecord("E-1", DAY, PRESENT);

        List<Reply> replies = concurrently(i -> server.putRecord(
                "E-1", DAY, "{\"status\":\"Present\",\"note\":\"writer " + i + "\"}", "If-Match", "\"1\""));

        List<Reply> winners = replies.stream().filter(reply -> reply.status() / 100 == 2).toList();
        assertThat(winners).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 412).hasSize(WRITERS - 1);
        Reply stored = server.get(record("E-1", DAY));
        assertThat(stored.etag()).isEqualTo("\"2\"");
        assertThat(stored.json().get("note").asText()).isEqualTo(winners.get(0).json().get("note").asText());
        assertThat(server.get(record("E-1", DAY) + "/history").json().get("items")).hasSize(2);
    }

    @Test
    void ofConcurrentCreateOnlyPutsExactlyOneIs201AndTheOthersAre412() throws Exception {
        List<Reply> replies = concurrently(i -> server.putRecord(
                "E-1", DAY, "{\"status\":\"Present\",\"note\":\"writer " + i + "\"}", "If-None-Match", "*"));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 412).hasSize(WRITERS - 1);
        assertThat(server.get(record("E-1", DAY)).etag()).isEqualTo("\"1\"");
        assertThat(server.get(record("E-1", DAY) + "/history").json().get("items")).hasSize(1);
    }

    @Test
    void ofConcurrentCreateOnlyPutsOfAnEmployeeExactlyOneIs201() throws Exception {
        List<Reply> replies = concurrently(i -> server.put(
                employee("E-2"), "{\"name\":\"Writer " + i + "\"}", "If-None-Match", "*"));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 412).hasSize(WRITERS - 1);
    }

    @Test
    void ofConcurrentEmployeePutsWithTheSameIfMatchExactlyOneWins() throws Exception {
        List<Reply> replies = concurrently(i -> server.put(
                employee("E-1"), "{\"name\":\"Writer " + i + "\"}", "If-Match", "\"1\""));

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 412).hasSize(WRITERS - 1);
        assertThat(server.get(employee("E-1")).etag()).isEqualTo("\"2\"");
    }

    /** Sends {@value #WRITERS} requests from as many threads, released together. */
    private List<Reply> concurrently(IntFunction<Reply> request) throws Exception {
        return AllAtOnce.outcomes(WRITERS, writer -> () -> request.apply(writer)).stream()
                .map(Reply.class::cast)
                .toList();
    }
}
