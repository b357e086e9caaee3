package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementException;

/** {@link AttendanceRecords} in {@code attendance_records}, joined with {@code employees} where asked. */
public final class PostgresAttendanceRecords implements AttendanceRecords {
    /** Rows the driver holds in memory at a time while streaming every record. */
    static final int STREAMING_FETCH_SIZE = 500;
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /**
     * ON CONFLICT DO NOTHING rather than catching the unique violation: the transaction stays usable,
     * and a concurrent insert of the same day waits for the other one to commit, then inserts nothing.
     */
    private static final String ADD = """
            INSERT INTO attendance_records (employee_id, work_date, status, version, created_at, updated_at)
            VALUES (:employeeId, :workDate, :status, :version, :createdAt, :updatedAt)
            ON CONFLICT (employee_id, work_date) DO NOTHING
            """;
    private static final String FIND = """
            SELECT employee_id, work_date, status, version, created_at, updated_at
              FROM attendance_records
             WHERE employee_id = :employeeId AND work_date = :workDate
            """;
    private static final String WITH_EMPLOYEE = """
            SELECT r.employee_id, r.work_date, r.status, r.version, r.created_at, r.updated_at, e.name
              FROM attendance_records r
              JOIN employees e ON e.employee_id = r.employee_id
            """;
    private static final String LATEST_OF = WITH_EMPLOYEE + """
             WHERE r.employee_id = :employeeId
             ORDER BY r.work_date DESC
             LIMIT 1
            """;
    /** employee_id has the "C" collation: this is EmployeeId's order, served by the primary key index. */
    private static final String ALL_WITH_EMPLOYEE = WITH_EMPLOYEE + """
             ORDER BY r.employee_id, r.work_date
            """;

    private final PostgresTransactions transactions;
    private final int fetchSize;

    PostgresAttendanceRecords(PostgresTransactions transactions, int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be positive, was " + fetchSize);
        }
        this.transactions = transactions;
        this.fetchSize = fetchSize;
    }

    /** @throws IllegalStateException when the employee does not exist (a caller's bug, as in the fake) */
    @Override
    public void add(AttendanceRecord record) {
        AttendanceRow row = AttendanceRow.fromDomain(record);
        int inserted;
        try {
            inserted = transactions.withHandle(handle -> handle.createUpdate(ADD)
                    .bind("employeeId", row.employeeId())
                    .bind("workDate", row.workDate())
                    .bind("status", row.status())
                    .bind("version", row.version())
                    .bind("createdAt", row.createdAt())
                    .bind("updatedAt", row.updatedAt())
                    .execute());
        } catch (StatementException failure) {
            if (failure.getCause() instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                throw new IllegalStateException("no employee " + record.employeeId(), failure);
            }
            throw failure;
        }
        if (inserted == 0) {
            throw new Conflict("employee " + record.employeeId() + " already has a record on " + record.date());
        }
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("employeeId", employeeId.value())
                .bind("workDate", date.value())
                .map((rs, ctx) -> AttendanceRow.read(rs))
                .findOne()
                .map(AttendanceRow::toDomain));
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return transactions.withHandle(handle -> handle.createQuery(LATEST_OF)
                .bind("employeeId", employeeId.value())
                .map((rs, ctx) -> withEmployee(rs))
                .findOne());
    }

    /**
     * Streams from a server-side cursor: PostgreSQL's driver uses one only with auto-commit off and a
     * fetch size, so the query runs in a transaction (the caller's unit of work, else one of its own)
     * and memory holds one fetch of rows at most, whatever the table size. Port calls the sink makes on
     * this thread join that transaction and see the same data.
     */
    @Override
    public void forEachWithEmployee(Consumer<EmployeeAttendance> sink) {
        transactions.runInTransaction(() -> transactions.withHandle(handle -> {
            handle.createQuery(ALL_WITH_EMPLOYEE)
                    .setFetchSize(fetchSize)
                    .map((rs, ctx) -> withEmployee(rs))
                    .forEach(sink);
            return null;
        }));
    }

    private static EmployeeAttendance withEmployee(ResultSet rs) throws SQLException {
        AttendanceRow record = AttendanceRow.read(rs);
        EmployeeRow employee = new EmployeeRow(record.employeeId(), rs.getString("name"));
        return new EmployeeAttendance(EmployeeRow.toDomain(employee), AttendanceRow.toDomain(record));
    }
}
