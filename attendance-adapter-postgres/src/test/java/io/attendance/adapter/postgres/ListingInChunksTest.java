package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.RecordSeeding;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** withEmployeeAfter over 20,000 records, read 1,000 at a time as the full listing reads them. */
class ListingInChunksTest {
    private static final int EMPLOYEES = 2_000;
    private static final int DAYS = 10;
    private static final int CHUNK = 1_000;
    private static final int POOL = 2;
    private static final Comparator<EmployeeAttendance> LISTING_ORDER = Comparator
            .comparing((EmployeeAttendance entry) -> entry.record().employeeId())
            .thenComparing(entry -> entry.record().date());

    private static TestDatabase testDatabase;
    private static PostgresDatabase database;

    @BeforeAll
    static void twentyThousandRecords() throws SQLException {
        testDatabase = TestPostgres.freshMigratedDatabase();
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement()) {
            // ids chosen so that the database's order and EmployeeId's order would differ under a
            // natural-language collation: lower case before upper case, digits, dashes and dots
            statement.execute("""
                    INSERT INTO employees (employee_id, name, name_lower, created_at, updated_at)
                    SELECT CASE mod(i, 4) WHEN 0 THEN 'e-' WHEN 1 THEN 'E.' WHEN 2 THEN 'E-' ELSE '0_' END
                           || lpad(i::text, 5, '0'), 'Employee ' || i, 'employee ' || i, now(), now()
                      FROM generate_series(1, %d) AS i
                    """.formatted(EMPLOYEES));
            statement.execute("""
                    INSERT INTO attendance_records (employee_id, work_date, status, version, created_at, updated_at)
                    SELECT e.employee_id, DATE '2026-01-01' + d, 'PRESENT', 1, now(), now()
                      FROM employees e CROSS JOIN generate_series(0, %d) AS d
                    """.formatted(DAYS - 1));
        }
        database = PostgresDatabase.connect(testDatabase.jdbcUrl(), testDatabase.user(), testDatabase.password(),
                POOL, new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyRecordArrivesOnceInEmployeeThenDateOrderAndNoConnectionIsHeldBetweenChunks() {
        long received = 0;
        long outOfOrder = 0;
        long chunks = 0;
        EmployeeAttendance previous = null;
        Optional<AttendanceKey> after = Optional.empty();
        List<EmployeeAttendance> chunk;
        do {
            chunk = database.attendanceRecords().withEmployeeAfter(after, CHUNK);
            chunks++;
            assertThat(busySessions()).as("sessions busy between chunks").isZero();
            for (EmployeeAttendance entry : chunk) {
                if (previous != null && LISTING_ORDER.compare(previous, entry) >= 0) {
                    outOfOrder++;
                }
                previous = entry;
                received++;
            }
            if (!chunk.isEmpty()) {
                after = Optional.of(chunk.get(chunk.size() - 1).record().key());
            }
        } while (chunk.size() == CHUNK);

        assertThat(received).isEqualTo((long) EMPLOYEES * DAYS);
        assertThat(outOfOrder).isZero();
        assertThat(chunks).isEqualTo(EMPLOYEES * DAYS / CHUNK + 1);
    }

    @Test
    void insideAUnitOfWorkAChunkIsReadOnItsTransaction() {
        Employee first = Employee.first(new EmployeeId("-first"), EmployeeDetails.named("First", ZoneOffset.UTC),
                Instant.parse("2026-01-01T00:00:00Z"));
        AttendanceRecord record = AttendanceRecord.first(first.id(), WorkDate.of(2026, 1, 1), AttendanceStatus.ABSENT,
                Instant.parse("2026-01-01T00:00:00Z"));
        AtomicReference<List<EmployeeAttendance>> seen = new AtomicReference<>();
        database.employees().add(first);
        RecordSeeding.written(database.dayChanges(), record);

        assertThatThrownBy(() -> database.transactions().runInTransaction(() -> {
            assertThat(database.attendanceRecords().remove(first.id(), record.date(), 1)).isTrue();
            seen.set(database.attendanceRecords().withEmployeeAfter(Optional.empty(), 2));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(seen.get()).first().isNotEqualTo(new EmployeeAttendance(first, record));
        assertThat(database.attendanceRecords().withEmployeeAfter(Optional.empty(), 1)).first()
                .isEqualTo(new EmployeeAttendance(first, record));
    }

    /** The service's sessions that are running a statement or sit in a transaction: none while a listing is written out. */
    private static long busySessions() {
        try (Connection connection = testDatabase.openConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE application_name = 'attendance-api' AND state <> 'idle'
                        """)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
