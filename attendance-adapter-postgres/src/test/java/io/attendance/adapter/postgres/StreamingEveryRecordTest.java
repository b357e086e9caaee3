package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.EmployeeAttendance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** forEachWithEmployee over 20,000 records, read 100 at a time from a server-side cursor. */
class StreamingEveryRecordTest {
    private static final int EMPLOYEES = 2_000;
    private static final int DAYS = 10;
    private static final int FETCH_SIZE = 100;
    private static final Comparator<EmployeeAttendance> LISTING_ORDER = Comparator
            .comparing((EmployeeAttendance entry) -> entry.record().employeeId())
            .thenComparing(entry -> entry.record().date());

    private static PostgresDatabase database;

    @BeforeAll
    static void twentyThousandRecords() throws SQLException {
        TestDatabase testDatabase = TestPostgres.freshMigratedDatabase();
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
                4, new SimpleMeterRegistry(), PostgresDatabase.CONNECTION_TIMEOUT, FETCH_SIZE);
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyRecordArrivesOnceInEmployeeThenDateOrderWhileTheQueryIsStillOpen() {
        Stream stream = new Stream();

        database.attendanceRecords().forEachWithEmployee(stream);

        stream.assertEverythingArrivedInOrderFromAnOpenCursor();
    }

    @Test
    void insideAUnitOfWorkTheStreamUsesItsTransaction() {
        Stream stream = new Stream();

        database.transactions().runInTransaction(() -> database.attendanceRecords().forEachWithEmployee(stream));

        stream.assertEverythingArrivedInOrderFromAnOpenCursor();
    }

    @Test
    void aSinkThatFailsStopsTheStreamAndItsFailurePropagatesUnchanged() {
        AtomicLong received = new AtomicLong();

        assertThatThrownBy(() -> database.attendanceRecords().forEachWithEmployee(entry -> {
            if (received.incrementAndGet() == 150) {
                throw new NotFound("the client went away");
            }
        })).isInstanceOf(NotFound.class).hasMessage("the client went away");

        assertThat(received).hasValue(150);
        assertThat(database.healthProbe().isUp()).isTrue();
    }

    /** Counts, checks the order, and looks at the server's open cursors when the first row arrives. */
    private static final class Stream implements Consumer<EmployeeAttendance> {
        private final AtomicLong received = new AtomicLong();
        private final AtomicReference<EmployeeAttendance> previous = new AtomicReference<>();
        private long outOfOrder;
        private long openCursorsAtFirstRow = -1;

        @Override
        public void accept(EmployeeAttendance entry) {
            if (received.incrementAndGet() == 1) {
                openCursorsAtFirstRow = openStreamingCursors();
            }
            EmployeeAttendance before = previous.getAndSet(entry);
            if (before != null && LISTING_ORDER.compare(before, entry) >= 0) {
                outOfOrder++;
            }
        }

        /** Run on this thread, so on the stream's own transaction: its portal is listed while suspended. */
        private static long openStreamingCursors() {
            return database.transactions() instanceof PostgresTransactions transactions
                    ? transactions.withHandle(handle -> handle.createQuery("""
                            SELECT count(*) FROM pg_cursors
                             WHERE NOT is_holdable AND statement LIKE '%ORDER BY r.employee_id' || ', r.work_date%'
                            """).mapTo(Long.class).one())
                    : -1;
        }

        void assertEverythingArrivedInOrderFromAnOpenCursor() {
            assertThat(received).hasValue((long) EMPLOYEES * DAYS);
            assertThat(outOfOrder).isZero();
            assertThat(openCursorsAtFirstRow).as("server-side cursors open when the first row arrived").isEqualTo(1);
        }
    }
}
