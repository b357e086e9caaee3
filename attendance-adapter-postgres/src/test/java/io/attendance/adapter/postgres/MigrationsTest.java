package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final List<String> CHANGESETS = List.of(
            "001-create-employees", "002-create-attendance-records", "003-attendance-records-checks");

    private TestDatabase testDatabase;
    private PostgresDatabase database;

    @BeforeEach
    void openAnEmptyDatabase() {
        testDatabase = TestPostgres.freshDatabase();
        database = testDatabase.connect();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEmptyDatabaseHasEveryChangesetPending() {
        String status = database.migrations().status();

        assertThat(status).contains("3 changesets have not been applied");
        CHANGESETS.forEach(id -> assertThat(status).contains(id));
    }

    @Test
    void updateCreatesTheSchemaAndASecondUpdateChangesNothing() throws SQLException {
        database.migrations().update();
        execute("INSERT INTO employees VALUES ('E-1', 'Ada', now(), now())");

        database.migrations().update();

        assertThat(tables()).contains("employees", "attendance_records");
        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS);
        assertThat(database.migrations().status()).contains("is up to date").doesNotContain("001-create-employees");
        assertThat(count("SELECT count(*) FROM employees")).isEqualTo(1);
    }

    @Test
    void rollbackUndoesTheLastChangesetsNewestFirstAndUpdateReappliesThem() throws SQLException {
        database.migrations().update();

        database.migrations().rollback(1);

        assertThat(appliedChangesets()).containsExactly("001-create-employees", "002-create-attendance-records");
        assertThat(database.migrations().status())
                .contains("1 changeset has not been applied", "003-attendance-records-checks")
                .doesNotContain("002-create-attendance-records");
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'attendance_records_%_known'"))
                .isZero();

        database.migrations().rollback(2);

        assertThat(tables()).doesNotContain("employees", "attendance_records");
        assertThat(appliedChangesets()).isEmpty();

        database.migrations().update();

        assertThat(tables()).contains("employees", "attendance_records");
        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS);
    }

    @Test
    void instancesStartingTogetherApplyEachChangesetOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (PostgresDatabase other = testDatabase.connect()) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                await(start);
                database.migrations().update();
            });
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                await(start);
                other.migrations().update();
            });
            start.countDown();
            CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
        }

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS);
    }

    @Test
    void theSchemaRefusesAStatusTheDomainDoesNotKnowAndARecordOfNobody() throws SQLException {
        database.migrations().update();
        execute("INSERT INTO employees VALUES ('E-1', 'Ada', now(), now())");

        assertThatThrownBy(() -> execute(
                "INSERT INTO attendance_records VALUES ('E-1', DATE '2026-11-27', 'LATE', 1, now(), now())"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("attendance_records_status_known");
        assertThatThrownBy(() -> execute(
                "INSERT INTO attendance_records VALUES ('E-2', DATE '2026-11-27', 'PRESENT', 1, now(), now())"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("attendance_records_employee_fk");
    }

    @Test
    void rollingBackNothingIsRefused() {
        assertThatThrownBy(() -> database.migrations().rollback(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        return strings(sql).stream().mapToLong(Long::parseLong).sum();
    }

    private List<String> tables() throws SQLException {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }

    private List<String> appliedChangesets() throws SQLException {
        if (!tables().contains("databasechangelog")) {
            return List.of();
        }
        return strings("SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = testDatabase.openConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
