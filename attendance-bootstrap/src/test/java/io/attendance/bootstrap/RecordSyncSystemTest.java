package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer syncing over HTTP from the service as it runs in production, on real PostgreSQL, while a
 * write transaction stays open on the same database (as a slow instance's would) and later writes
 * commit through the service: the consumer gets nothing past the open transaction until it commits,
 * then every change once, and its copy rebuilt from the changes equals the stored records exactly.
 */
class RecordSyncSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RunningService service;
    private static TestPostgres.TestDatabase database;
    /** Another instance's adapter on the service's database, for the slow transaction and for reading what is stored. */
    private static PostgresDatabase otherInstance;

    /** What the consumer keeps: its copy of the records, by "employee date", and the token it polls with. */
    private final Map<String, JsonNode> copy = new TreeMap<>();
    /** Every change received, whole. */
    private final List<String> received = new ArrayList<>();
    private String next;

    @BeforeAll
    static void start() {
        Map<String, String> environment = TestServers.freshEnvironment();
        service = RunningService.start(environment);
        database = new TestPostgres.TestDatabase(environment.get("ATTENDANCE_DB_URL"),
                environment.get("ATTENDANCE_DB_USER"), environment.get("ATTENDANCE_DB_PASSWORD"));
        otherInstance = database.connect();
    }

    @AfterAll
    static void stop() {
        otherInstance.close();
        service.close();
    }

    private static String recordPath(String id, String date) {
        return "/api/v2/employees/" + id + "/attendance/" + date;
    }

    private static void put(String id, String date, String status) {
        assertThat(service.put(recordPath(id, date), "{\"status\":\"" + status + "\"}").statusCode()).isIn(200, 201);
    }

    private static void delete(String id, String date) {
        assertThat(service.delete(recordPath(id, date)).statusCode()).isEqualTo(204);
    }

    /** Reads pages of at most 2 changes until one is not full, applying each to the copy; what changed, in order. */
    private List<String> sync() {
        List<String> changes = new ArrayList<>();
        JsonNode page;
        do {
            String query = next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            HttpResponse<String> answer = service.get("/api/v2/attendance/changes?limit=2" + query);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            page = json(answer.body());
            page.get("items").forEach(change -> {
                changes.add(apply(change));
                received.add(change.toString());
            });
            next = page.get("next").asText();
        } while (page.get("hasMore").asBoolean());
        return changes;
    }

    private String apply(JsonNode change) {
        String key = change.get("employeeId").asText() + " " + change.get("date").asText();
        if (change.get("after").isNull()) {
            copy.remove(key);
        } else {
            copy.put(key, change.get("after"));
        }
        return key + " " + change.get("action").asText();
    }

    @Test
    void aConsumerMissesNothingAcrossATransactionCommittedLateAndItsCopyEqualsTheStore() throws Exception {
        assertThat(service.put("/api/v2/employees/E-1", "{\"name\":\"Ada\"}").statusCode()).isEqualTo(201);
        assertThat(service.put("/api/v2/employees/E-2", "{\"name\":\"Bob\"}").statusCode()).isEqualTo(201);
        put("E-1", "2026-11-02", "Present");
        put("E-1", "2026-11-03", "Present");
        put("E-2", "2026-11-02", "Absent");
        assertThat(sync()).containsExactly("E-1 2026-11-02 CREATED", "E-1 2026-11-03 CREATED", "E-2 2026-11-02 CREATED");

        CountDownLatch deleted = new CountDownLatch(1);
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> slowDelete = CompletableFuture.runAsync(() -> otherInstance.transactions().runInTransaction(() -> {
            AttendanceRecord stored = otherInstance.attendanceRecords().find(new EmployeeId("E-1"), WorkDate.of(2026, 11, 2))
                    .orElseThrow();
            assertThat(otherInstance.attendanceRecords().remove(stored.employeeId(), stored.date(), stored.version())).isTrue();
            otherInstance.auditTrail().append(AuditEvent.deleted(stored, Instant.now(), "user:slow"));
            deleted.countDown();
            commit.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        }));
        try {
            assertThat(deleted.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            put("E-2", "2026-11-03", "Present");
            put("E-1", "2026-11-03", "Absent");
            delete("E-2", "2026-11-02");

            assertThat(sync()).as("nothing after a transaction still open").isEmpty();
        } finally {
            commit.complete(null);
        }
        slowDelete.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(sync()).containsExactly("E-1 2026-11-02 DELETED", "E-2 2026-11-03 CREATED", "E-1 2026-11-03 UPDATED",
                "E-2 2026-11-02 DELETED");
        put("E-1", "2026-11-02", "Half Day");
        put("E-1", "2026-11-02", "Present");
        delete("E-2", "2026-11-03");
        put("E-2", "2026-11-04", "On Leave");
        assertThat(sync()).hasSize(4);

        assertThat(received).hasSize(auditEventsStored()).doesNotHaveDuplicates();
        assertThat(describe(copy)).isEqualTo(storedRecords());
    }

    /** The copy as "employee date status version updatedAt" lines. */
    private static List<String> describe(Map<String, JsonNode> records) {
        return records.values().stream().map(record -> String.join(" ", record.get("employeeId").asText(),
                record.get("date").asText(), AttendanceStatus.parse(record.get("status").asText()).name(),
                record.get("version").asText(), Instant.parse(record.get("updatedAt").asText()).toString())).toList();
    }

    /** Every stored record of November as the same lines, read from the database itself. */
    private static List<String> storedRecords() {
        AttendanceQuery november = new AttendanceQuery(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return otherInstance.attendanceRecords().search(november, Optional.empty(), 1000).stream()
                .sorted((a, b) -> (a.employeeId().value() + a.date()).compareTo(b.employeeId().value() + b.date()))
                .map(record -> String.join(" ", record.employeeId().value(), record.date().toString(),
                        record.status().name(), Long.toString(record.version()), record.updatedAt().toString()))
                .toList();
    }

    private static int auditEventsStored() throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM audit_events")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
