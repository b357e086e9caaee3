package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL chooses for the adapter's own queries, with their parameters, on a few
 * thousand rows: each query that serves a request is answered through the index made for it.
 */
class QueryPlansTest {
    private static final int EMPLOYEES = 500;
    private static final int DAYS = 12;
    private static final Instant RECENTLY = Instant.parse("2026-11-27T00:00:00Z");

    private static PostgresDatabase database;
    private static PostgresTransactions transactions;

    @BeforeAll
    static void sixThousandRecordsOfFiveHundredEmployees() throws SQLException {
        TestDatabase testDatabase = TestPostgres.freshMigratedDatabase();
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO employees (employee_id, name, name_lower, department, active, created_at, updated_at)
                    SELECT 'E-' || lpad(i::text, 4, '0'), 'Employee ' || i, 'employee ' || i,
                           'Dept ' || mod(i, 20), mod(i, 7) <> 0, now(), now()
                      FROM generate_series(1, %d) AS i
                    """.formatted(EMPLOYEES));
            // updated long ago, but for one record in a hundred: what payroll has not seen yet
            statement.execute("""
                    INSERT INTO attendance_records (employee_id, work_date, status, version, created_at, updated_at)
                    SELECT e.employee_id, DATE '2026-01-05' + d,
                           CASE mod(hashtext(e.employee_id || d), 10) WHEN 0 THEN 'ABSENT' WHEN 1 THEN 'ON_LEAVE'
                                ELSE 'PRESENT' END, 1, TIMESTAMPTZ '2026-01-01Z',
                           CASE WHEN mod(hashtext(e.employee_id || d), 100) = 0 THEN TIMESTAMPTZ '2026-11-27T12:00Z'
                                ELSE TIMESTAMPTZ '2026-01-20Z' END
                      FROM employees e CROSS JOIN generate_series(0, %d) AS d
                    """.formatted(DAYS - 1));
            statement.execute("""
                    INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action, after)
                    SELECT employee_id, work_date, created_at, 'anonymous', 'CREATED',
                           jsonb_build_object('status', initcap(replace(status, '_', ' ')), 'source', source, 'version', 1,
                                              'createdAt', created_at, 'updatedAt', created_at)
                      FROM attendance_records
                    """);
            statement.execute("""
                    INSERT INTO employee_audit_events (employee_id, occurred_at, actor, action, after)
                    SELECT employee_id, created_at, 'anonymous', 'CREATED',
                           jsonb_strip_nulls(jsonb_build_object('name', name, 'department', department, 'timezone', timezone,
                                                                'active', active, 'version', 1, 'createdAt', created_at,
                                                                'updatedAt', updated_at))
                      FROM employees CROSS JOIN generate_series(1, 4)
                    """);
            statement.execute("""
                    INSERT INTO users (username, password_hash, roles, created_at)
                    SELECT 'user-' || i, 'hash', ARRAY['ADMIN'], now() FROM generate_series(1, %d) AS i
                    """.formatted(EMPLOYEES));
            statement.execute("""
                    INSERT INTO api_keys (id, name, secret_digest, roles, created_by, created_at)
                    SELECT lpad(to_hex(i), 16, '0'), 'key ' || i, encode(sha256(i::text::bytea), 'hex'), ARRAY['DEVICE'],
                           'user-' || (1 + mod(i, %d)), now()
                      FROM generate_series(1, %d) AS i
                    """.formatted(EMPLOYEES, 4 * EMPLOYEES));
            statement.execute("ANALYZE");
        }
        database = testDatabase.connect();
        transactions = (PostgresTransactions) database.transactions();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSearchPageIsOneForwardScanOfTheDateIndexFromItsKey() {
        AttendanceQuery year = query(null, null, null, null);

        assertThat(plan(PostgresAttendanceRecords.listing(year, Optional.empty(), 101)))
                .contains("Index Scan using attendance_records_by_date_idx").doesNotContain("Sort");
        assertThat(plan(PostgresAttendanceRecords.listing(year,
                Optional.of(new AttendanceKey(WorkDate.of(2026, 1, 10), new EmployeeId("E-0250"))), 101)))
                .contains("Index Scan using attendance_records_by_date_idx").doesNotContain("Sort");
        assertThat(plan(PostgresAttendanceRecords.listing(query(null, null, AttendanceStatus.PRESENT, null),
                Optional.empty(), 101)))
                .contains("Index Scan using attendance_records_by_date_idx").doesNotContain("Sort");
    }

    @Test
    void aChunkOfTheFullListingIsOneForwardScanOfThePrimaryKeyFromItsKey() {
        assertThat(plan(PostgresAttendanceRecords.chunk(Optional.empty(), 2_000)))
                .contains("Index Scan using attendance_records_pk").doesNotContain("Sort");
        assertThat(plan(PostgresAttendanceRecords.chunk(
                Optional.of(new AttendanceKey(WorkDate.of(2026, 1, 10), new EmployeeId("E-0250"))), 2_000)))
                .contains("Index Scan using attendance_records_pk").contains("Index Cond").doesNotContain("Sort");
    }

    @Test
    void anIncrementalSyncFindsTheFewRecentChangesThroughTheUpdatedAtIndex() {
        assertThat(plan(PostgresAttendanceRecords.listing(query(null, null, null, RECENTLY), Optional.empty(), 101)))
                .contains("attendance_records_updated_at_idx");
    }

    @Test
    void oneEmployeesSearchAndRecordsUseThePrimaryKey() {
        assertThat(plan(PostgresAttendanceRecords.listing(query("E-0042", null, null, null), Optional.empty(), 101)))
                .contains("attendance_records_pk");
        assertThat(plan(PostgresAttendanceRecords.OF_EMPLOYEE, Map.of("employee_id", "E-0042",
                "from", WorkDate.of(2026, 1, 1).value(), "to", WorkDate.of(2026, 12, 31).value())))
                .contains("attendance_records_pk");
    }

    @Test
    void aDepartmentsSearchFindsItsEmployeesThroughTheDepartmentIndex() {
        assertThat(plan(PostgresAttendanceRecords.listing(query(null, "Dept 7", null, null), Optional.empty(), 101)))
                .contains("employees_department_idx");
    }

    @Test
    void theEmployeeListUsesTheDepartmentIndexAndTheNamePrefixIndex() {
        assertThat(plan(PostgresEmployees.listing(employees("Dept 3", null), Optional.of(new EmployeeId("E-0100")), 101)))
                .contains("employees_department_idx");
        assertThat(plan(PostgresEmployees.listing(employees(null, "Employee 12"), Optional.empty(), 101)))
                .contains("employees_name_lower_idx");
        assertThat(plan(PostgresEmployees.listing(employees(null, "EMPLOYEE 1_"), Optional.empty(), 101)))
                .as("an escaped wildcard is still a prefix").contains("employees_name_lower_idx");
    }

    @Test
    void aPageOfARecordsHistoryIsReadFromTheHistoryIndexInItsOrder() {
        assertThat(plan(PostgresAuditTrail.HISTORY, Map.of("employee_id", "E-0042", "work_date", WorkDate.of(2026, 1, 8).value(),
                "after", 1_000L, "limit", 101)))
                .contains("audit_events_history_idx").doesNotContain("Sort");
    }

    @Test
    void aPageOfAnEmployeesHistoryIsFoundThroughItsHistoryIndex() {
        assertThat(plan(PostgresAuditTrail.EMPLOYEE_HISTORY, Map.of("employee_id", "E-0042", "after", 1_000L, "limit", 101)))
                .contains("employee_audit_events_history_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aPresentedKeyIsFoundThroughTheUniqueIndexOfTheDigestAndItsCreatorThroughThePrimaryKey() {
        assertThat(plan(PostgresApiKeys.FIND_IN_FORCE, Map.of("secret_digest", "0".repeat(64))))
                .contains("api_keys_secret_digest_unique", "users_pk").doesNotContain("Seq Scan");
    }

    private static AttendanceQuery query(String employeeId, String department, AttendanceStatus status, Instant updatedSince) {
        return new AttendanceQuery(WorkDate.of(2026, 1, 1), WorkDate.of(2026, 12, 31),
                Optional.ofNullable(employeeId).map(EmployeeId::new), Optional.ofNullable(department),
                Optional.ofNullable(status), Optional.ofNullable(updatedSince));
    }

    private static EmployeeQuery employees(String department, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.empty(), Optional.ofNullable(namePrefix));
    }

    private static String plan(Filters.Listing listing) {
        return plan(listing.sql(), listing.parameters());
    }

    /** EXPLAIN of the statement with its parameters bound, as the adapter runs it. */
    private static String plan(String sql, Map<String, Object> parameters) {
        String plan = transactions.withHandle(handle -> {
            Query explain = handle.createQuery("EXPLAIN " + sql);
            parameters.forEach(explain::bind);
            return String.join("\n", explain.mapTo(String.class).list());
        });
        System.out.println(sql.lines().findFirst().orElse("") + " " + parameters + "\n" + plan);
        return plan;
    }
}
