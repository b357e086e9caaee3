package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.RecordSeeding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final List<String> V1_CHANGESETS = List.of(
            "001-create-employees", "002-create-attendance-records", "003-attendance-records-checks");
    private static final List<String> V2_CHANGESETS = List.of(
            "004-employees-v2-columns", "005-employees-name-lower", "006-attendance-records-v2-columns",
            "007-create-audit-events", "008-index-attendance-records-by-date",
            "009-index-attendance-records-updated-at", "010-index-employees-department",
            "011-index-employees-name-prefix");
    private static final List<String> ACCESS_CHANGESETS = List.of(
            "012-create-users", "013-create-api-keys", "014-create-employee-audit-events", "015-audit-append-only");
    private static final List<String> FEED_CHANGESETS = List.of("016-audit-commit-order");
    private static final List<String> REVOCATION_CHANGESETS = List.of("017-users-credentials-version");
    private static final List<String> AUDIT_JSON_CHANGESETS = List.of("018-audit-snapshots-as-json");
    private static final List<String> CHANGESETS = Stream.of(V1_CHANGESETS, V2_CHANGESETS, ACCESS_CHANGESETS, FEED_CHANGESETS,
                    REVOCATION_CHANGESETS, AUDIT_JSON_CHANGESETS)
            .flatMap(List::stream).toList();
    private static final List<String> ACCESS_TABLES = List.of("users", "api_keys", "employee_audit_events");
    private static final List<String> APPEND_ONLY_TRIGGERS = List.of("audit_events_append_only",
            "audit_events_no_truncate", "employee_audit_events_append_only", "employee_audit_events_no_truncate");
    private static final List<String> V2_INDEXES = List.of("attendance_records_by_date_idx",
            "attendance_records_updated_at_idx", "employees_department_idx", "employees_name_lower_idx",
            "audit_events_history_idx");

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

    /**
     * A migration killed midway (kill -9 of a start-up) leaves Liquibase's lock row taken, with nobody
     * to release it: the next start must not wait for it (Liquibase would, five minutes, then fail).
     */
    @Test
    void aLiquibaseLockLeftTakenByAMigrationThatDiedIsReleasedAndTheNextMigrationRuns() throws Exception {
        database.migrations().update();
        database.migrations().rollback(1);
        try (Connection dead = testDatabase.openConnection(); Statement statement = dead.createStatement()) {
            statement.execute("UPDATE databasechangeloglock SET locked = TRUE, lockgranted = now(),"
                    + " lockedby = 'a start-up that was killed' WHERE id = 1");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> database.migrations().update());

        assertThat(database.migrations().status()).contains("is up to date");
    }

    @Test
    void aMigrationThatCannotTakeTheLockInTimeFailsNamingTheWaitAndChangesNothing() throws Exception {
        try (Connection otherInstance = DriverManager.getConnection(testDatabase.jdbcUrl(), testDatabase.user(),
                testDatabase.password()); Statement holding = otherInstance.createStatement()) {
            holding.execute("SELECT pg_advisory_lock(" + Migrations.MIGRATION_LOCK + ")");

            // the lock stays held: without its limit the migration would wait for ever, so any bound proves it
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> database.migrations().waitingForTheLockAtMost(Duration.ofMillis(300)).update())
                    .hasMessageContaining("another migration of this database has held its lock for more than"));

            holding.execute("SELECT pg_advisory_unlock(" + Migrations.MIGRATION_LOCK + ")");
        }
        assertThat(database.migrations().status()).contains(CHANGESETS.size() + " changesets have not been applied");
        database.migrations().waitingForTheLockAtMost(Duration.ofMillis(300)).update();
        assertThat(database.migrations().status()).contains("is up to date");
    }

    @Test
    void anEmptyDatabaseHasEveryChangesetPending() {
        String status = database.migrations().status();

        assertThat(status).contains(CHANGESETS.size() + " changesets have not been applied");
        CHANGESETS.forEach(id -> assertThat(status).contains(id));
    }

    @Test
    void updateCreatesTheSchemaAndASecondUpdateChangesNothing() throws SQLException {
        database.migrations().update();
        execute("INSERT INTO employees (employee_id, name, name_lower, created_at, updated_at) "
                + "VALUES ('E-1', 'Ada', 'ada', now(), now())");

        database.migrations().update();

        assertThat(tables()).contains("employees", "attendance_records", "audit_events").containsAll(ACCESS_TABLES);
        assertThat(indexes()).containsAll(V2_INDEXES).contains("employee_audit_events_history_idx",
                "audit_events_feed_idx", "employee_audit_events_feed_idx");
        assertThat(userTriggers()).containsExactlyInAnyOrderElementsOf(APPEND_ONLY_TRIGGERS);
        assertThat(strings("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'users'::regclass "
                + "AND attname = 'roles' UNION ALL SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'api_keys'::regclass AND attname = 'roles'")).containsExactly("text[]", "text[]");
        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS);
        assertThat(database.migrations().status()).contains("is up to date").doesNotContain("001-create-employees");
        assertThat(count("SELECT count(*) FROM employees")).isEqualTo(1);
    }

    @Test
    void rollbackUndoesTheLastChangesetsNewestFirstAndUpdateReappliesThem() throws SQLException {
        database.migrations().update();

        database.migrations().rollback(AUDIT_JSON_CHANGESETS.size());

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS.subList(0, CHANGESETS.size() - 1));
        assertThat(columns("audit_events")).doesNotContain("before", "after").contains("before_status", "after_note");
        assertThat(columns("employee_audit_events")).doesNotContain("before", "after")
                .contains("before_name", "after_updated_at");

        database.migrations().rollback(REVOCATION_CHANGESETS.size());

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS.subList(0, CHANGESETS.size() - 2));
        assertThat(columns("users")).doesNotContain("credentials_version", "credentials_changed_at");
        assertThat(indexes()).doesNotContain("users_credentials_changed_at_idx");

        database.migrations().rollback(1);

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS.subList(0, CHANGESETS.size() - 3));
        assertThat(indexes()).doesNotContain("audit_events_feed_idx", "employee_audit_events_feed_idx");
        assertThat(count("SELECT count(*) FROM pg_attribute WHERE attname = 'transaction_id' "
                + "AND attrelid IN ('audit_events'::regclass, 'employee_audit_events'::regclass)")).isZero();

        database.migrations().rollback(1);

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS.subList(0, CHANGESETS.size() - 4));
        assertThat(database.migrations().status())
                .contains("4 changesets have not been applied", "015-audit-append-only")
                .doesNotContain("014-create-employee-audit-events");
        assertThat(userTriggers()).isEmpty();
        assertThat(count("SELECT count(*) FROM pg_proc WHERE proname = 'audit_append_only'")).isZero();
        execute("INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action, after_status, after_source, "
                + "after_version, after_created_at, after_updated_at) "
                + "VALUES ('E-1', DATE '2026-11-27', now(), 'anonymous', 'CREATED', 'PRESENT', 'API', 1, now(), now())");
        execute("UPDATE audit_events SET actor = 'someone'");
        execute("DELETE FROM audit_events");
        assertThat(tables()).containsAll(ACCESS_TABLES);

        database.migrations().rollback(ACCESS_CHANGESETS.size());

        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS.subList(0, CHANGESETS.size() - 8));
        assertThat(database.migrations().status())
                .contains("8 changesets have not been applied", "011-index-employees-name-prefix")
                .doesNotContain("010-index-employees-department");
        assertThat(tables()).doesNotContainAnyElementsOf(ACCESS_TABLES);
        assertThat(indexes()).doesNotContain("employees_name_lower_idx").contains("employees_department_idx");

        database.migrations().rollback(CHANGESETS.size() - 8);

        assertThat(tables()).doesNotContain("employees", "attendance_records", "audit_events");
        assertThat(appliedChangesets()).isEmpty();

        database.migrations().update();

        assertThat(tables()).contains("employees", "attendance_records", "audit_events").containsAll(ACCESS_TABLES);
        assertThat(userTriggers()).containsExactlyInAnyOrderElementsOf(APPEND_ONLY_TRIGGERS);
        assertThat(appliedChangesets()).containsExactlyElementsOf(CHANGESETS);
    }

    @Test
    void theV2ChangesetsRollBackToTheV1SchemaWhoseRowsThenMigrateToV2Defaults() throws SQLException {
        database.migrations().update();

        database.migrations().rollback(AUDIT_JSON_CHANGESETS.size() + REVOCATION_CHANGESETS.size()
                + FEED_CHANGESETS.size() + ACCESS_CHANGESETS.size() + V2_CHANGESETS.size());

        assertThat(appliedChangesets()).containsExactlyElementsOf(V1_CHANGESETS);
        assertThat(columns("employees")).containsExactly("employee_id", "name", "created_at", "updated_at");
        assertThat(columns("attendance_records"))
                .containsExactly("employee_id", "work_date", "status", "version", "created_at", "updated_at");
        assertThat(tables()).doesNotContain("audit_events");
        assertThat(indexes()).doesNotContainAnyElementsOf(V2_INDEXES);
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname IN "
                + "('employees_version_positive', 'attendance_records_source_known')")).isZero();

        execute("INSERT INTO employees VALUES ('E-1', 'ÉMILE Zola', now(), now()), ('E-2', 'Ada', now(), now())");
        execute("INSERT INTO attendance_records VALUES ('E-1', DATE '2026-11-27', 'PRESENT', 3, now(), now())");
        database.migrations().update();

        Employee emile = database.employees().find(new EmployeeId("E-1")).orElseThrow();
        assertThat(emile.details()).isEqualTo(EmployeeDetails.named("ÉMILE Zola", ZoneId.of("UTC")));
        assertThat(emile.version()).isEqualTo(1);
        AttendanceRecord record = database.attendanceRecords().find(emile.id(), WorkDate.of(2026, 11, 27)).orElseThrow();
        assertThat(record.entry()).isEqualTo(DayEntry.statusOnly(AttendanceStatus.PRESENT, RecordSource.V1));
        assertThat(record.version()).isEqualTo(3);
        assertThat(strings("SELECT name_lower FROM employees ORDER BY employee_id"))
                .as("filled with ICU's lower case where the server has ICU")
                .containsExactly(hasIcu() ? "émile zola" : "Émile zola", "ada");
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
        execute("INSERT INTO employees (employee_id, name, name_lower, created_at, updated_at) "
                + "VALUES ('E-1', 'Ada', 'ada', now(), now())");

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
    void theSchemaRefusesWhatTheV2DomainNeverWrites() throws SQLException {
        database.migrations().update();
        execute("INSERT INTO employees (employee_id, name, name_lower, created_at, updated_at) "
                + "VALUES ('E-1', 'Ada', 'ada', now(), now())");
        String record = "INSERT INTO attendance_records (employee_id, work_date, status, version, created_at, "
                + "updated_at, check_in, check_out, source) VALUES ('E-1', DATE '2026-11-27', 'PRESENT', 1, now(), now(), ";

        assertThatThrownBy(() -> execute(record + "NULL, NULL, 'KIOSK')"))
                .hasMessageContaining("attendance_records_source_known");
        assertThatThrownBy(() -> execute(record + "'2026-11-27T17:00Z', '2026-11-27T08:00Z', 'API')"))
                .hasMessageContaining("attendance_records_check_out_after_check_in");
        assertThatThrownBy(() -> execute("UPDATE employees SET version = 0"))
                .hasMessageContaining("employees_version_positive");
        String event = "INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action, before, after) "
                + "VALUES ('E-1', DATE '2026-11-27', now(), 'anonymous', ";
        String before = "'{\"status\": \"Present\", \"source\": \"API\", \"version\": 1, "
                + "\"createdAt\": \"2026-11-27T08:00:00.000000Z\", \"updatedAt\": \"2026-11-27T08:00:00.000000Z\"}', ";
        String noAfter = "NULL)";
        assertThatThrownBy(() -> execute(event + "'CREATED', " + before + before.replace("1,", "2,").replace("', ", "')")))
                .hasMessageContaining("audit_events_before_unless_created");
        assertThatThrownBy(() -> execute(event + "'UPDATED', " + before + noAfter))
                .hasMessageContaining("audit_events_after_unless_deleted");
        assertThatThrownBy(() -> execute(event + "'DELETED', " + before.replace("\"createdAt\"", "\"checkIn\"") + noAfter))
                .hasMessageContaining("audit_events_before_whole");
        assertThatThrownBy(() -> execute(event + "'DELETED', '[\"status\", \"source\", \"version\", \"createdAt\", "
                + "\"updatedAt\"]', " + noAfter))
                .hasMessageContaining("audit_events_before_whole");
        assertThatThrownBy(() -> execute(event + "'UNDONE', " + before + noAfter))
                .hasMessageContaining("audit_events_action_known");
        execute(event + "'DELETED', " + before + noAfter);
        assertThat(count("SELECT count(*) FROM audit_events")).as("a well-formed event of a record that is gone")
                .isEqualTo(1);
    }

    @Test
    void theSchemaRefusesUsersAndKeysTheDomainNeverWrites() throws SQLException {
        database.migrations().update();
        String user = "INSERT INTO users (username, password_hash, roles, employee_id, created_at) VALUES ";

        assertThatThrownBy(() -> execute(user + "('a', 'h', ARRAY['ADMIN', 'ROOT'], NULL, now())"))
                .hasMessageContaining("users_roles_known");
        assertThatThrownBy(() -> execute(user + "('a', 'h', ARRAY[]::TEXT[], NULL, now())"))
                .hasMessageContaining("users_roles_known");
        assertThatThrownBy(() -> execute(user + "('a', 'h', ARRAY['VIEWER', NULL], NULL, now())"))
                .hasMessageContaining("users_roles_known");
        assertThatThrownBy(() -> execute(user + "('a', 'h', ARRAY['VIEWER', 'EMPLOYEE'], NULL, now())"))
                .hasMessageContaining("users_employee_role_has_employee");
        execute(user + "('a', 'h', ARRAY['EMPLOYEE'], 'E-1', now())");

        String key = "INSERT INTO api_keys (id, name, secret_digest, roles, employee_id, created_by, created_at) VALUES ";
        String digest = "'" + "0".repeat(64) + "'";
        assertThatThrownBy(() -> execute(key + "('0123456789abcdef', 'k', " + digest + ", ARRAY['DEVICE'], NULL, 'b', now())"))
                .hasMessageContaining("api_keys_created_by_fk");
        assertThatThrownBy(() -> execute(key + "('0123456789abcdef', 'k', '" + "G".repeat(64) + "', ARRAY['DEVICE'], NULL, 'a', now())"))
                .hasMessageContaining("api_keys_secret_digest_hex");
        assertThatThrownBy(() -> execute(key + "('0123456789ABCDEF', 'k', " + digest + ", ARRAY['DEVICE'], NULL, 'a', now())"))
                .hasMessageContaining("api_keys_id_hex");
        assertThatThrownBy(() -> execute(key + "('0123456789abcdef', 'k', " + digest + ", ARRAY['DEVICES'], NULL, 'a', now())"))
                .hasMessageContaining("api_keys_roles_known");
        assertThatThrownBy(() -> execute(key + "('0123456789abcdef', 'k', " + digest + ", ARRAY['EMPLOYEE'], NULL, 'a', now())"))
                .hasMessageContaining("api_keys_employee_role_has_employee");
        execute(key + "('0123456789abcdef', 'k', " + digest + ", ARRAY['DEVICE'], NULL, 'a', now())");
        assertThatThrownBy(() -> execute(key + "('0123456789abcde0', 'k', " + digest + ", ARRAY['DEVICE'], NULL, 'a', now())"))
                .hasMessageContaining("api_keys_secret_digest_unique");

        String event = "INSERT INTO employee_audit_events (employee_id, occurred_at, actor, action, before, after) "
                + "VALUES ('E-1', now(), 'anonymous', ";
        String before = "'{\"name\": \"Ada\", \"timezone\": \"UTC\", \"active\": true, \"version\": 1, "
                + "\"createdAt\": \"2026-11-27T08:00:00.000000Z\", \"updatedAt\": \"2026-11-27T08:00:00.000000Z\"}', ";
        String after = before.replace("1,", "2,").replace("', ", "')");
        assertThatThrownBy(() -> execute(event + "'CREATED', " + before + after))
                .hasMessageContaining("employee_audit_events_before_unless_created");
        assertThatThrownBy(() -> execute(event + "'UPDATED', NULL, " + after))
                .hasMessageContaining("employee_audit_events_before_unless_created");
        assertThatThrownBy(() -> execute(event + "'UPDATED', " + before.replace("\"timezone\"", "\"department\"") + after))
                .hasMessageContaining("employee_audit_events_before_whole");
        assertThatThrownBy(() -> execute(event + "'CREATED', NULL, " + after.replace("\"active\"", "\"inactive\"")))
                .hasMessageContaining("employee_audit_events_after_whole");
        assertThatThrownBy(() -> execute(event + "'CREATED', NULL, NULL)"))
                .hasMessageContaining("null value in column \"after\"");
        assertThatThrownBy(() -> execute(event + "'DELETED', " + before + after))
                .hasMessageContaining("employee_audit_events_action_known");
        execute(event + "'UPDATED', " + before + after);
    }

    /**
     * As the release before the schema was configurable recorded them, at db/changelog/db.changelog-master.yaml:
     * a database it migrated sees nothing pending and no checksum error.
     */
    private static final List<String> RECORDED_BY_THE_FORMER_RELEASE = List.of(
            "001-create-employees 9:2c9d311f943bccc8140479425f43c7cf",
            "002-create-attendance-records 9:58cd31b9a81ac09c009510d66d25ac65",
            "003-attendance-records-checks 9:c188e05c73127bbf8e13b865175d80bb",
            "004-employees-v2-columns 9:fde6669ccfd728806049df04fe9cbd40",
            "005-employees-name-lower 9:4efa66cca6f0a7eb6ca405ed512f8b5d",
            "006-attendance-records-v2-columns 9:47c24be89e42bdc8a3bd27f5800eedd3",
            "007-create-audit-events 9:b41256edec4998bfb751ecfa8315f2dc",
            "008-index-attendance-records-by-date 9:b9326254c2c3408768b0895e928e516f",
            "009-index-attendance-records-updated-at 9:fc9d0bf18dc3ba8b8fe856faea444e77",
            "010-index-employees-department 9:771204fb9affd70eed40ae9a874f50f2",
            "011-index-employees-name-prefix 9:d7138aa8a95415034b5b154ee9bc5f42",
            "012-create-users 9:66cc340f4fb8feafddc9b8b4bd20253e",
            "013-create-api-keys 9:bd8bf726a2ee47830e8a1b277eb2bac6",
            "014-create-employee-audit-events 9:c7a5b75f33c65984be2c50b0fe25a9a8",
            "015-audit-append-only 9:29f39e0db7027da9cdaddc83d294b444",
            "016-audit-commit-order 9:5e5f3d7b22a2963e21470cd038335bbc");

    @Test
    void everythingGoesIntoTheSchemaCreatedWhenAbsentLiquibasesTablesToo() throws SQLException {
        database.migrations().update();

        assertThat(tables()).containsExactlyInAnyOrder("employees", "attendance_records", "audit_events", "users",
                "api_keys", "employee_audit_events", "databasechangelog", "databasechangeloglock");
        assertThat(strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        assertThat(strings("SELECT pronamespace::regnamespace::text FROM pg_proc WHERE proname = 'audit_append_only'"))
                .containsExactly("attendance");
    }

    @Test
    void theChangesetsAreRecordedUnderThePathsAndChecksumsTheFormerReleaseRecorded() throws SQLException {
        database.migrations().update();

        assertThat(strings("SELECT id || ' ' || md5sum FROM databasechangelog ORDER BY orderexecuted"))
                .as("the former release's changesets, then the later ones").hasSize(CHANGESETS.size())
                .startsWith(RECORDED_BY_THE_FORMER_RELEASE.toArray(String[]::new));
        assertThat(strings("SELECT DISTINCT filename = 'db/changelog/changes/' || id || '.yaml' FROM databasechangelog"))
                .containsExactly("t");
    }

    /** The former release put everything into the first schema of the search path: public, here. */
    @Test
    void aDatabaseMigratedBeforeTheSchemaWasConfigurableIsMovedIntoItWithItsDataAndHistory() throws SQLException {
        AttendanceRecord record = TestData.record(TestData.employee("E-1", "Ada"), WorkDate.of(2026, 11, 27),
                AttendanceStatus.PRESENT);
        try (PostgresDatabase formerLayout = PostgresDatabase.connect(testDatabase.jdbcUrl(), testDatabase.user(),
                testDatabase.password(), 2, new SimpleMeterRegistry(), DatabaseTimeouts.DEFAULTS,
                new DatabaseSchema("public"))) {
            formerLayout.migrations().update();
            formerLayout.employees().add(TestData.employee("E-1", "Ada"));
            RecordSeeding.written(formerLayout.dayChanges(), record);
        }
        String publicHistory = "SELECT id || ' ' || md5sum || ' ' || dateexecuted FROM public.databasechangelog ORDER BY orderexecuted";
        List<String> history = strings(publicHistory);

        database.migrations().update();

        assertThat(strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        assertThat(tables()).hasSize(8);
        assertThat(strings(publicHistory.replace("public.", "attendance."))).isEqualTo(history).hasSize(CHANGESETS.size());
        assertThat(database.migrations().status()).contains("is up to date");
        assertThat(database.attendanceRecords().find(record.employeeId(), record.date())).contains(record);
        assertThat(AuditHistories.of(database.auditTrail(), record.employeeId(), record.date()))
                .containsExactly(AuditEvent.created(record, RecordSeeding.ACTOR));
        assertThat(strings("SELECT pronamespace::regnamespace::text FROM pg_proc WHERE proname = 'audit_append_only'"))
                .containsExactly("attendance");
        assertThatThrownBy(() -> execute("DELETE FROM audit_events")).hasMessageContaining("append-only");
    }

    /** A role without the CREATE privilege on the database migrates the schema a DBA created for it. */
    @Test
    void aRoleThatMayNotCreateSchemasMigratesTheSchemaADbaCreatedForIt() throws SQLException {
        String role = "migrator_" + Long.toHexString(System.nanoTime());
        execute("CREATE ROLE " + role + " LOGIN PASSWORD 'migrator'; CREATE SCHEMA attendance AUTHORIZATION " + role);
        try (PostgresDatabase asTheRole = PostgresDatabase.connect(testDatabase.jdbcUrl(), role, "migrator", 2,
                new SimpleMeterRegistry())) {
            asTheRole.migrations().update();

            assertThat(asTheRole.migrations().status()).contains("is up to date");
        } finally {
            execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }

    /** A host service that embeds the adapter has its own changelog at Spring Boot's default path. */
    @Test
    void aHostsChangelogAtSpringBootsDefaultPathDoesNotCollideWithOursAndIsNeverRun() throws SQLException {
        assertThat(MigrationsTest.class.getClassLoader().getResource("db/changelog/db.changelog-master.yaml")).isNotNull();

        database.migrations().update();

        assertThat(database.migrations().status()).contains("is up to date");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'host_only'")).isZero();
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

    private List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private List<String> indexes() throws SQLException {
        return strings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");
    }

    private boolean hasIcu() throws SQLException {
        return count("SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'") > 0;
    }

    /** The triggers of the schema's tables that are not a constraint's own. */
    private List<String> userTriggers() throws SQLException {
        return strings("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal");
    }

    private List<String> tables() throws SQLException {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'attendance'");
    }

    private List<String> appliedChangesets() throws SQLException {
        if (!tables().contains("databasechangelog")) {
            return List.of();
        }
        return strings("SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }

    private List<String> strings(String sql) throws SQLException {
        return testDatabase.firstColumn(sql);
    }
}
