package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.ChangeFeed.RecordChanges;
import io.attendance.domain.model.FeedPosition;
import io.attendance.testing.AuditHistories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changeset 018 on a database the release before it wrote: the audit events of records (every
 * action, every status, absent and present optional fields, a note) and of employees, stored as
 * that release stored them, one column per field, each in a transaction of its own as the service
 * appends them. After 018 the adapter reads back the very events, in the same order, from the
 * histories and the change feed, and writes an event as the conversion did; its rollback gives back
 * the former columns with the same values.
 */
class AuditSnapshotsMigrationTest {
    /** The changesets of the release before 018. */
    private static final int BEFORE_018 = 17;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant IN = Instant.parse("2026-11-27T07:59:58.000001Z");

    private TestDatabase testDatabase;
    private PostgresDatabase database;

    @BeforeEach
    void migrateToTheReleaseBefore018() {
        testDatabase = TestPostgres.freshDatabase();
        database = testDatabase.connect();
        database.migrations().update(BEFORE_018);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyAuditEventReadsBackAsItWasWrittenAndTheRollbackRestoresTheColumns() throws SQLException {
        Employee first = TestData.employee("E-1", "Ada");
        Employee renamed = first.revised(new EmployeeDetails("Ada Lovelace", Optional.of("Engines"), TestData.PARIS,
                false), TestData.NOW.plusNanos(1_000)).orElseThrow();
        List<EmployeeAuditEvent> employeeEvents = List.of(EmployeeAuditEvent.created(first, "user:alice"),
                EmployeeAuditEvent.updated(first, renamed, "api-key:0123456789abcdef"));
        List<AuditEvent> recordEvents = recordEventsOfEveryKind(first);
        List<AttendanceRecord> records = recordEvents.stream().filter(event -> event.action() == AuditAction.CREATED)
                .skip(1).map(event -> event.after().orElseThrow()).toList();
        database.employees().add(renamed);
        for (AttendanceRecord record : records) {
            storeAsTheFormerReleaseDid(record);
        }
        for (EmployeeAuditEvent event : employeeEvents) {
            appendAsTheFormerReleaseDid(event);
        }
        for (AuditEvent event : recordEvents) {
            appendAsTheFormerReleaseDid(event);
        }
        List<String> formerRecordRows = rows("audit_events");
        List<String> formerEmployeeRows = rows("employee_audit_events");
        List<String> feedOrder = strings("SELECT id || ' ' || transaction_id FROM audit_events ORDER BY id");

        database.migrations().update();

        assertThat(columns("audit_events")).contains("before", "after").noneMatch(column -> column.startsWith("before_"));
        assertThat(columns("employee_audit_events")).contains("before", "after")
                .noneMatch(column -> column.startsWith("after_"));
        assertThat(database.employees().find(first.id())).contains(renamed);
        for (AttendanceRecord record : records) {
            assertThat(database.attendanceRecords().find(record.employeeId(), record.date())).contains(record);
        }
        assertThat(AuditHistories.of(database.auditTrail(), first.id())).containsExactlyElementsOf(employeeEvents);
        for (WorkDate date : recordEvents.stream().map(AuditEvent::date).distinct().toList()) {
            assertThat(AuditHistories.of(database.auditTrail(), first.id(), date)).as("the history of %s", date)
                    .containsExactlyElementsOf(recordEvents.stream().filter(event -> event.date().equals(date)).toList());
        }
        RecordChanges feed = database.changeFeed().recordChangesAfter(FeedPosition.START, 100);
        assertThat(feed.events()).containsExactlyElementsOf(recordEvents);
        assertThat(strings("SELECT id || ' ' || transaction_id FROM audit_events ORDER BY id")).isEqualTo(feedOrder);
        assertThat(strings("SELECT after FROM audit_events WHERE action = 'CREATED' AND work_date = DATE '2026-11-27'"))
                .as("a record with every field, as JSON")
                .singleElement().satisfies(after -> assertThat(jsonEquals(after, """
                        {"status": "Half Day", "checkIn": "2026-11-27T07:59:58.000001Z",
                         "checkOut": "2026-11-27T16:30:00.123456Z", "note": "Left early,\\n\\"ill\\" – é",
                         "source": "API", "version": 1, "createdAt": "2026-11-27T08:30:00.123456Z",
                         "updatedAt": "2026-11-27T08:30:00.123456Z"}""")).isTrue());
        assertThat(count("SELECT count(*) FROM audit_events WHERE before IS NULL")).as("SQL NULL, not JSON null")
                .isEqualTo(recordEvents.stream().filter(event -> event.before().isEmpty()).count());
        assertThat(count("SELECT count(*) FROM audit_events WHERE after IS NULL"))
                .isEqualTo(recordEvents.stream().filter(event -> event.after().isEmpty()).count());
        assertThat(count("SELECT count(*) FROM employee_audit_events WHERE before IS NULL")).isEqualTo(1);
        assertThatThrownBy(() -> execute("UPDATE audit_events SET actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM employee_audit_events")).hasMessageContaining("append-only");

        List<String> convertedRecords = snapshots("audit_events");
        List<String> convertedEmployees = snapshots("employee_audit_events");
        employeeEvents.forEach(database.auditTrail()::append);
        recordEvents.forEach(database.auditTrail()::append);
        assertThat(snapshots("audit_events")).as("the adapter writes an event as 018 converted it")
                .containsExactlyElementsOf(Stream.concat(convertedRecords.stream(), convertedRecords.stream()).toList());
        assertThat(snapshots("employee_audit_events"))
                .containsExactlyElementsOf(Stream.concat(convertedEmployees.stream(), convertedEmployees.stream()).toList());

        database.migrations().rollback(1);

        assertThat(columns("audit_events")).doesNotContain("before", "after");
        assertThat(columns("employee_audit_events")).doesNotContain("before", "after");
        assertThat(rows("audit_events").subList(0, formerRecordRows.size())).isEqualTo(formerRecordRows);
        assertThat(rows("employee_audit_events").subList(0, formerEmployeeRows.size())).isEqualTo(formerEmployeeRows);
        assertThatThrownBy(() -> execute("DELETE FROM audit_events")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("UPDATE employee_audit_events SET actor = 'someone else'"))
                .hasMessageContaining("append-only");
    }

    /**
     * Of one employee: a record of every status created (the punches of those days that are worked
     * with an instant to the microsecond, a note where it is written), the first one revised and
     * then deleted.
     */
    private static List<AuditEvent> recordEventsOfEveryKind(Employee employee) {
        List<AuditEvent> events = new ArrayList<>();
        Instant out = Instant.parse("2026-11-27T16:30:00.123456Z");
        DayEntry entry = DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.API)
                .checkIn(IN)
                .checkOut(out)
                .note("Left early,\n\"ill\" – é")
                .build();
        AttendanceRecord full = AttendanceRecord.first(employee.id(), new WorkDate(DAY), entry, TestData.NOW);
        events.add(AuditEvent.created(full, "user:alice"));
        AttendanceRecord revised = full.revised(DayEntry.statusOnly(AttendanceStatus.PRESENT, RecordSource.V1),
                TestData.NOW.plusSeconds(60)).orElseThrow();
        events.add(AuditEvent.updated(full, revised, "anonymous"));
        events.add(AuditEvent.deleted(revised, TestData.NOW.plusSeconds(120), "user:alice"));
        int days = 0;
        for (AttendanceStatus status : AttendanceStatus.values()) {
            AttendanceRecord statusOnly = AttendanceRecord.first(employee.id(), new WorkDate(DAY.plusDays(++days)), status,
                    TestData.NOW);
            events.add(AuditEvent.created(statusOnly, "user:bob"));
        }
        events.add(AuditEvent.created(AttendanceRecord.first(employee.id(), new WorkDate(DAY.plusDays(++days)),
                DayEntry.of(AttendanceStatus.WORK_FROM_HOME, RecordSource.BATCH)
                        .checkIn(IN.plusSeconds(86_400 * 7))
                        .build(), TestData.NOW), "user:bob"));
        return events;
    }

    /** A record as the release before 018 stored it: 018 leaves the records' table as it is. */
    private void storeAsTheFormerReleaseDid(AttendanceRecord record) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attendance_records (employee_id, work_date,
                  status, check_in, check_out, note, source, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setString(1, record.employeeId().value());
            insert.setObject(2, record.date().value());
            bindRecord(insert, 3, Optional.of(record));
            insert.executeUpdate();
        }
    }

    /** The INSERT of the release before 018, in a transaction of its own. */
    private void appendAsTheFormerReleaseDid(AuditEvent event) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_events (employee_id, work_date, occurred_at, actor, action,
                  before_status, before_check_in, before_check_out, before_note, before_source, before_version,
                  before_created_at, before_updated_at,
                  after_status, after_check_in, after_check_out, after_note, after_source, after_version,
                  after_created_at, after_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setString(1, event.employeeId().value());
            insert.setObject(2, event.date().value());
            insert.setObject(3, utc(event.at()));
            insert.setString(4, event.actor());
            insert.setString(5, event.action().name());
            bindRecord(insert, 6, event.before());
            bindRecord(insert, 14, event.after());
            insert.executeUpdate();
        }
    }

    private static void bindRecord(PreparedStatement insert, int first, Optional<AttendanceRecord> snapshot)
            throws SQLException {
        Optional<DayEntry> entry = snapshot.map(AttendanceRecord::entry);
        insert.setString(first, entry.map(present -> present.status().name()).orElse(null));
        insert.setObject(first + 1, entry.flatMap(DayEntry::checkIn).map(AuditSnapshotsMigrationTest::utc).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(first + 2, entry.flatMap(DayEntry::checkOut).map(AuditSnapshotsMigrationTest::utc).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(first + 3, entry.flatMap(DayEntry::note).orElse(null));
        insert.setString(first + 4, entry.map(present -> present.source().name()).orElse(null));
        insert.setObject(first + 5, snapshot.map(AttendanceRecord::version).orElse(null), Types.BIGINT);
        insert.setObject(first + 6, snapshot.map(record -> utc(record.createdAt())).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(first + 7, snapshot.map(record -> utc(record.updatedAt())).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** The INSERT of the release before 018, in a transaction of its own. */
    private void appendAsTheFormerReleaseDid(EmployeeAuditEvent event) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO employee_audit_events (employee_id, occurred_at, actor, action,
                  before_name, before_department, before_timezone, before_active, before_version, before_created_at,
                  before_updated_at,
                  after_name, after_department, after_timezone, after_active, after_version, after_created_at,
                  after_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setString(1, event.employeeId().value());
            insert.setObject(2, utc(event.at()));
            insert.setString(3, event.actor());
            insert.setString(4, event.action().name());
            bindEmployee(insert, 5, event.before());
            bindEmployee(insert, 12, Optional.of(event.after()));
            insert.executeUpdate();
        }
    }

    private static void bindEmployee(PreparedStatement insert, int first, Optional<Employee> snapshot)
            throws SQLException {
        insert.setString(first, snapshot.map(Employee::name).orElse(null));
        insert.setString(first + 1, snapshot.flatMap(Employee::department).orElse(null));
        insert.setString(first + 2, snapshot.map(employee -> employee.timezone().getId()).orElse(null));
        insert.setObject(first + 3, snapshot.map(Employee::active).orElse(null), Types.BOOLEAN);
        insert.setObject(first + 4, snapshot.map(Employee::version).orElse(null), Types.BIGINT);
        insert.setObject(first + 5, snapshot.map(employee -> utc(employee.createdAt())).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(first + 6, snapshot.map(employee -> utc(employee.updatedAt())).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Every row of an audit table, each column by its name, whatever their order in the table. */
    private List<String> rows(String table) throws SQLException {
        return strings("SELECT CAST(to_jsonb(e) AS text) FROM " + table + " e ORDER BY id");
    }

    /** The snapshots of an audit table, before then after ("NULL" when absent), in order. */
    private List<String> snapshots(String table) throws SQLException {
        return strings("SELECT coalesce(CAST(before AS text), 'NULL') || ' ' || coalesce(CAST(after AS text), 'NULL')"
                + " FROM " + table + " ORDER BY id");
    }

    private boolean jsonEquals(String stored, String expected) throws SQLException {
        try (Connection connection = testDatabase.openConnection();
                PreparedStatement compare = connection.prepareStatement("SELECT CAST(? AS jsonb) = CAST(? AS jsonb)")) {
            compare.setString(1, stored);
            compare.setString(2, expected);
            try (ResultSet rs = compare.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private List<String> strings(String sql) throws SQLException {
        return testDatabase.firstColumn(sql);
    }
}
