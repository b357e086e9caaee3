package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.adapter.http.RunningApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two history listings, a record's and an employee's: pages oldest first, as the other v2 listings page. */
class HistoryPagesV2Test {
    private static final String DAY = "2026-11-27";
    private static final String RECORD_HISTORY = record("E-1", DAY) + "/history";
    private static final String EMPLOYEE_HISTORY = employee("E-1") + "/history";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    /** Five versions of Ada's record and of Ada herself, and one of Bob's record. */
    @BeforeEach
    void fiveChangesEach() {
        for (int version = 1; version <= 5; version++) {
            server.putEmployee("E-1", "Ada " + version);
            server.putRecord("E-1", DAY, "{\"status\":\"Present\",\"note\":\"version " + version + "\"}");
        }
        server.putEmployee("E-2", "Bob");
        server.putRecord("E-2", DAY, "{\"status\":\"Present\"}");
    }

    /** The versions of every page's "after" snapshots, page by page, following each nextCursor. */
    private List<List<Long>> pagesOf(String path, int limit) {
        List<List<Long>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = server.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<Long> versions = new ArrayList<>();
            page.json().get("items").forEach(event -> versions.add(event.get("after").get("version").asLong()));
            pages.add(versions);
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    @Test
    void aRecordsHistoryComesInPagesOldestFirst() {
        assertThat(pagesOf(RECORD_HISTORY, 2)).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(pagesOf(RECORD_HISTORY, 5)).containsExactly(List.of(1L, 2L, 3L, 4L, 5L));
    }

    @Test
    void anEmployeesHistoryComesInPagesOldestFirst() {
        assertThat(pagesOf(EMPLOYEE_HISTORY, 3)).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L));
    }

    @Test
    void withoutALimitAPageHoldsAHundredEvents() {
        Reply page = server.get(RECORD_HISTORY);

        assertThat(page.json().properties()).extracting(Map.Entry::getKey).containsExactly("items", "nextCursor");
        assertThat(page.json().get("items")).hasSize(5);
        assertThat(page.json().get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=abc", "limit=-1"})
    void aLimitOutOfRangeIsA400OnLimit(String limit) {
        for (String path : List.of(RECORD_HISTORY, EMPLOYEE_HISTORY)) {
            Reply rejected = server.deliberatelyInvalid().get(path + "?" + limit);

            assertThat(rejected.status()).as(path).isEqualTo(400);
            assertThat(rejected.fieldErrors()).as(path).singleElement().asString().startsWith("limit must be");
        }
    }

    @Test
    void aCursorThatIsNotThisListingsIsA400OnCursor() {
        String recordCursor = nextCursor(RECORD_HISTORY);
        String employeeCursor = nextCursor(EMPLOYEE_HISTORY);
        String searchCursor = nextCursor("/api/v2/attendance?from=" + DAY + "&to=" + DAY);
        String bobsRecordHistory = record("E-2", DAY) + "/history";

        assertRefusedOnCursor(RECORD_HISTORY + "?cursor=not-a-cursor", "is not a cursor this service issued");
        assertRefusedOnCursor(RECORD_HISTORY + "?cursor=" + employeeCursor, "was issued by another kind of read");
        assertRefusedOnCursor(RECORD_HISTORY + "?cursor=" + searchCursor, "was issued by another kind of read");
        assertRefusedOnCursor(EMPLOYEE_HISTORY + "?cursor=" + recordCursor, "was issued by another kind of read");
        assertRefusedOnCursor(bobsRecordHistory + "?cursor=" + recordCursor, "belongs to another query");
        assertRefusedOnCursor(employee("E-2") + "/history?cursor=" + employeeCursor, "belongs to another query");
    }

    private String nextCursor(String listing) {
        return server.get(listing + (listing.contains("?") ? "&" : "?") + "limit=1").json().get("nextCursor").asText();
    }

    private void assertRefusedOnCursor(String pathAndQuery, String reason) {
        Reply rejected = server.get(pathAndQuery);

        assertThat(rejected.status()).as(pathAndQuery).isEqualTo(400);
        assertThat(rejected.fieldErrors()).as(pathAndQuery).singleElement().asString().startsWith("cursor " + reason);
    }
}
