package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.domain.model.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/v2/attendance/changes: the record change feed, page by page, deletions included, and every refusal. */
class AttendanceChangesV2Test {
    private static final String CHANGES = V2Paths.RECORD_CHANGES;

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void twoEmployees() {
        server.putEmployee("A-1", "Ada");
        server.putEmployee("B-2", "Bob");
    }

    private void put(String id, String date, String status) {
        assertThat(server.putRecord(id, date, "{\"status\":" + RunningApi.quoted(status) + "}").status()).isIn(200, 201);
    }

    private void delete(String id, String date) {
        assertThat(server.delete(record(id, date)).status()).isEqualTo(204);
    }

    private Reply changesAfter(String token, String limit) {
        StringBuilder query = new StringBuilder(CHANGES + "?");
        if (token != null) {
            query.append("after=").append(URLEncoder.encode(token, StandardCharsets.UTF_8)).append('&');
        }
        return server.get(query.append("limit=").append(limit).toString());
    }

    /** Every page from {@code token} on, until a page that is not full; the pages' bodies in order. */
    private List<JsonNode> readToTheEnd(String token, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page;
        do {
            Reply reply = changesAfter(token, Integer.toString(limit));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            page = reply.json();
            pages.add(page);
            token = page.get("next").asText();
        } while (page.get("hasMore").asBoolean());
        return pages;
    }

    private static List<String> summaries(List<JsonNode> pages) {
        List<String> summaries = new ArrayList<>();
        pages.forEach(page -> page.get("items").forEach(change -> summaries.add(change.get("employeeId").asText() + " "
                + change.get("date").asText() + " " + change.get("action").asText())));
        return summaries;
    }

    private static String lastNext(List<JsonNode> pages) {
        return pages.get(pages.size() - 1).get("next").asText();
    }

    @Test
    void aConsumerReadsEveryChangeOnceInOrderPageByPageAndItsReplayEqualsTheRecords() {
        put("A-1", "2026-11-27", "Present");
        put("B-2", "2026-11-27", "Absent");
        put("A-1", "2026-11-27", "Half Day");
        put("A-1", "2026-11-26", "Present");
        delete("B-2", "2026-11-27");

        List<JsonNode> pages = readToTheEnd(null, 2);

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(page -> page.get("hasMore").asBoolean()).containsExactly(true, true, false);
        assertThat(summaries(pages)).containsExactly("A-1 2026-11-27 CREATED", "B-2 2026-11-27 CREATED",
                "A-1 2026-11-27 UPDATED", "A-1 2026-11-26 CREATED", "B-2 2026-11-27 DELETED");
        JsonNode created = pages.get(0).get("items").get(0);
        assertThat(created.get("actor").asText()).isEqualTo(server.administratorKeyActor);
        assertThat(created.get("at").asText()).isEqualTo(created.get("after").get("updatedAt").asText());
        assertThat(created.get("before").isNull()).isTrue();
        assertThat(created.get("after").get("status").asText()).isEqualTo("Present");
        assertThat(created.get("after").get("version").asLong()).isEqualTo(1);
        assertThat(replay(pages)).isEqualTo(recordsNow());
    }

    @Test
    void aDeletionIsReportedWithTheRecordItRemovedAndNoAfter() {
        put("B-2", "2026-11-27", "Absent");
        String caughtUp = lastNext(readToTheEnd(null, 10));
        delete("B-2", "2026-11-27");

        List<JsonNode> pages = readToTheEnd(caughtUp, 10);

        JsonNode deletion = pages.get(0).get("items").get(0);
        assertThat(summaries(pages)).containsExactly("B-2 2026-11-27 DELETED");
        assertThat(deletion.get("after").isNull()).isTrue();
        assertThat(deletion.get("before").get("status").asText()).isEqualTo("Absent");
        assertThat(deletion.get("before").get("employeeId").asText()).isEqualTo("B-2");
    }

    @Test
    void nextIsGivenOnEveryPageSoAConsumerThatPollsGetsOnlyWhatCameAfter() {
        JsonNode empty = changesAfter(null, "10").json();
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("hasMore").asBoolean()).isFalse();
        assertThat(empty.get("next").asText()).isNotBlank();

        put("A-1", "2026-11-27", "Present");
        List<JsonNode> first = readToTheEnd(empty.get("next").asText(), 10);
        JsonNode nothingNew = changesAfter(lastNext(first), "10").json();
        put("A-1", "2026-11-27", "Absent");
        List<JsonNode> second = readToTheEnd(nothingNew.get("next").asText(), 10);

        assertThat(summaries(first)).containsExactly("A-1 2026-11-27 CREATED");
        assertThat(nothingNew.get("items")).isEmpty();
        assertThat(summaries(second)).containsExactly("A-1 2026-11-27 UPDATED");
        assertThat(summaries(readToTheEnd(null, 1000))).hasSize(2);
    }

    @Test
    void aListingCursorIsNoTokenAndATokenIsNoListingCursor() {
        put("A-1", "2026-11-27", "Present");
        put("B-2", "2026-11-27", "Present");
        String listingCursor = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30&limit=1")
                .json().get("nextCursor").asText();
        String token = changesAfter(null, "1").json().get("next").asText();
        String forged = token.substring(0, token.indexOf('.') + 1) + listingCursor.substring(listingCursor.indexOf('.') + 1);

        Reply cursorAsToken = changesAfter(listingCursor, "10");
        Reply tokenAsCursor = server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30&cursor=" + token);
        Reply forgedToken = changesAfter(forged, "10");
        Reply garbage = changesAfter("garbage", "10");

        assertThat(cursorAsToken.status()).isEqualTo(400);
        assertThat(cursorAsToken.contentType()).startsWith("application/problem+json");
        assertThat(cursorAsToken.fieldErrors()).singleElement().asString().startsWith("after was issued by another kind of read");
        assertThat(tokenAsCursor.status()).isEqualTo(400);
        assertThat(tokenAsCursor.fieldErrors()).singleElement().asString().startsWith("cursor was issued by another kind of read");
        for (Reply refused : List.of(forgedToken, garbage)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.fieldErrors()).containsExactly("after is not a cursor this service issued");
        }
        assertThat(changesAfter(token, "10").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "ten", "1.5", "99999999999"})
    void aLimitOutsideOneToAThousandIsA400OnLimit(String limit) {
        Reply refused = server.deliberatelyInvalid().get(CHANGES + "?limit=" + limit);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.fieldErrors()).singleElement().asString().startsWith("limit must be");
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void theFeedNeedsTheRightToReadEveryonesRecords() {
        put("A-1", "2026-11-27", "Present");

        server.actAnonymously();
        Reply anonymous = server.deliberatelyInvalid().get(CHANGES);
        server.actAs(server.keyFor(Role.EMPLOYEE, "A-1"));
        Reply ownEmployeeOnly = server.get(CHANGES);
        server.actAs(server.keyFor(Role.DEVICE));
        Reply writerOnly = server.get(CHANGES);
        server.actAs(server.keyFor(Role.VIEWER));
        Reply viewer = server.get(CHANGES);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(ownEmployeeOnly.status()).isEqualTo(403);
        assertThat(writerOnly.status()).isEqualTo(403);
        for (Reply refused : List.of(anonymous, ownEmployeeOnly, writerOnly)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("2026-11-27");
        }
        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.json().get("items")).hasSize(1);
    }

    /** The records as a consumer rebuilds them from the changes: the last {@code after} of each, none once deleted. */
    private static Map<String, JsonNode> replay(List<JsonNode> pages) {
        Map<String, JsonNode> records = new TreeMap<>();
        pages.forEach(page -> page.get("items").forEach(change -> {
            String key = change.get("employeeId").asText() + " " + change.get("date").asText();
            if (change.get("after").isNull()) {
                records.remove(key);
            } else {
                records.put(key, change.get("after"));
            }
        }));
        return records;
    }

    private Map<String, JsonNode> recordsNow() {
        Map<String, JsonNode> records = new TreeMap<>();
        server.get(V2Paths.RECORDS + "?from=2026-11-01&to=2026-11-30").json().get("items")
                .forEach(record -> records.put(record.get("employeeId").asText() + " " + record.get("date").asText(), record));
        return records;
    }
}
