package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.testing.AllAtOnce;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL, each sent many batches at once over the same days, half of them
 * listing the days in the opposite order, with single PUTs of those days among them (which the
 * instances' committers write in groups): rows are locked and written in one order whatever the
 * order of the items, so no transaction ever deadlocks; every write answers 2xx or 409, never 500;
 * and what is stored is exactly what the successful writes made.
 */
class OverlappingBatchesSystemTest {
    private static final int EMPLOYEES = 4;
    private static final int DAYS = 5;
    private static final int BATCHES_PER_INSTANCE = 20;
    private static final int PUTS_PER_INSTANCE = 3;
    /**
     * Rounds of concurrent writes. On a quiet 2-core machine a round of 200-item batches took 4.2 s, so
     * 50 rounds would take 3.5 minutes; a round of 20-item batches takes about 1.1 s, and keeps the
     * contention: every batch meets every other on every day, half of them from the other end. With
     * rows locked in the order of the items, the first round already fails.
     */
    private static final int ROUNDS = 10;
    private static final String BATCH = "/api/v2/attendance/batch";

    private Map<String, String> settings;
    private RunningService first;
    private RunningService second;

    @BeforeEach
    void startTwoInstances() {
        settings = new HashMap<>(TestServers.freshEnvironment());
        first = RunningService.start(settings);
        second = RunningService.start(settings);
        for (int employee = 0; employee < EMPLOYEES; employee++) {
            assertThat(first.put("/api/v2/employees/" + employeeId(employee), "{\"name\":\"Worker " + employee + "\"}")
                    .statusCode()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private record Day(String employeeId, LocalDate date) {
        String path() {
            return "/api/v2/employees/" + employeeId + "/attendance/" + date;
        }

        String item(String note) {
            return "{\"employeeId\":\"" + employeeId + "\",\"date\":\"" + date + "\",\"status\":\"Present\",\"note\":\""
                    + note + "\"}";
        }
    }

    private static String employeeId(int employee) {
        return "B-" + employee;
    }

    /** Every day of every employee, in (employee, date) order. */
    private static List<Day> days() {
        LocalDate start = LocalDate.now().minusDays(10);
        List<Day> days = new ArrayList<>();
        for (int employee = 0; employee < EMPLOYEES; employee++) {
            for (int day = 0; day < DAYS; day++) {
                days.add(new Day(employeeId(employee), start.plusDays(day)));
            }
        }
        return days;
    }

    private static String batch(List<Day> days, String note) {
        return "[" + String.join(",", days.stream().map(day -> day.item(note)).toList()) + "]";
    }

    /** One round's write, sent at the same moment as the others. */
    private record Write(RunningService through, List<Day> days, boolean isBatch, String note) {
        HttpResponse<String> send() {
            return isBatch ? through.post(BATCH, batch(days, note))
                    : through.put(days.get(0).path(), "{\"status\":\"Absent\",\"note\":\"" + note + "\"}");
        }
    }

    @Test
    void overlappingBatchesInOppositeOrdersNeverDeadlockNorFailAndStoreWhatSucceeded() throws Exception {
        List<Day> days = days();
        List<Day> reversed = new ArrayList<>(days);
        Collections.reverse(reversed);
        long deadlocksBefore = deadlocks();
        Map<Day, Integer> successfulWrites = new HashMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int round = 0; round < ROUNDS; round++) {
            List<Write> writes = new ArrayList<>();
            for (int i = 0; i < 2 * BATCHES_PER_INSTANCE; i++) {
                writes.add(new Write(i % 2 == 0 ? first : second, i % 4 < 2 ? days : reversed, true,
                        "round " + round + " batch " + i));
            }
            for (int i = 0; i < 2 * PUTS_PER_INSTANCE; i++) {
                Day day = days.get((round * 2 * PUTS_PER_INSTANCE + i) % days.size());
                writes.add(new Write(i % 2 == 0 ? first : second, List.of(day), false, "round " + round + " put " + i));
            }

            List<Object> answers = AllAtOnce.outcomes(writes.size(), i -> writes.get(i)::send);

            for (int i = 0; i < writes.size(); i++) {
                HttpResponse<?> answer = (HttpResponse<?>) answers.get(i);
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                assertThat(answer.statusCode()).as("%s: %s", writes.get(i).note(), answer.body())
                        .isIn(200, 201, 409, 412);
                if (answer.statusCode() < 300) {
                    writes.get(i).days().forEach(day -> successfulWrites.merge(day, 1, Integer::sum));
                }
            }
        }

        assertThat(statuses.get(200)).as("writes that succeeded, of %s", statuses).isGreaterThan(ROUNDS);
        Map<Day, Long> versions = new HashMap<>();
        Map<Day, List<Long>> auditedVersions = new HashMap<>();
        stored(versions, auditedVersions);
        for (Day day : days) {
            long writes = successfulWrites.getOrDefault(day, 0);
            assertThat(versions.get(day)).as("version of %s", day).isEqualTo(writes);
            assertThat(auditedVersions.get(day)).as("audit events of %s", day)
                    .isEqualTo(LongStream.rangeClosed(1, writes).boxed().toList());
        }
        assertThat(deadlocks()).as("deadlocks, once every backend has reported its statistics")
                .isEqualTo(deadlocksBefore);
    }

    private Connection database() throws SQLException {
        return TestServers.openConnection(settings);
    }

    /** Each record's version, and the versions its audit events say it was given, in the order they were. */
    private void stored(Map<Day, Long> versions, Map<Day, List<Long>> auditedVersions) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT employee_id, work_date, version FROM attendance_records")) {
                while (rs.next()) {
                    versions.put(new Day(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getLong(3));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT employee_id, work_date, after->>'version' FROM audit_events ORDER BY id")) {
                while (rs.next()) {
                    auditedVersions.computeIfAbsent(new Day(rs.getString(1), rs.getObject(2, LocalDate.class)),
                            day -> new ArrayList<>()).add(rs.getLong(3));
                }
            }
        }
    }

    /**
     * The deadlocks PostgreSQL detected in this database. A backend reports its statistics when it
     * goes idle, at most once a second: the count is read after a pause longer than that.
     */
    private long deadlocks() throws SQLException, InterruptedException {
        Thread.sleep(1_500);
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
