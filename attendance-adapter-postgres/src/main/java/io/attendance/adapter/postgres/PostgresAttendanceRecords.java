package io.attendance.adapter.postgres;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@link AttendanceRecords} in {@code attendance_records}, joined with {@code employees} where asked. */
public final class PostgresAttendanceRecords implements AttendanceRecords {
    private static final String COLUMNS = "employee_id, work_date, " + AttendanceRow.contentColumns("");
    static final String RECORD_COLUMNS = "r.employee_id, r.work_date, " + AttendanceRow.contentColumns("r.");

    private static final String REMOVE = """
            DELETE FROM <attendance_records>
             WHERE employee_id = :employee_id AND work_date = :work_date AND version = :expected_version
            """;
    private static final String FIND = """
            SELECT %s
              FROM <attendance_records>
             WHERE employee_id = :employee_id AND work_date = :work_date
            """.formatted(COLUMNS);
    /** A range of the primary key index (employee_id, work_date), read in its order. */
    static final String OF_EMPLOYEE = """
            SELECT %s
              FROM <attendance_records>
             WHERE employee_id = :employee_id AND work_date BETWEEN :from AND :to
             ORDER BY work_date
            """.formatted(COLUMNS);
    /**
     * Ordered by (work_date, employee_id), employee_id in the "C" collation: AttendanceKey's order,
     * served by attendance_records_by_date_idx; the department filter joins the employees.
     */
    private static final String SEARCH = """
            SELECT %s
              FROM <attendance_records> r%s%%s
             ORDER BY r.work_date, r.employee_id
             LIMIT :limit
            """;
    private static final String JOIN_EMPLOYEES = "\n  JOIN <employees> e ON e.employee_id = r.employee_id";
    private static final String WITH_EMPLOYEE = """
            SELECT %s, %s
              FROM <attendance_records> r
              JOIN <employees> e ON e.employee_id = r.employee_id
            """.formatted(RECORD_COLUMNS, EmployeeRow.columns("e", "e_"));
    private static final String LATEST_OF = WITH_EMPLOYEE + """
             WHERE r.employee_id = :employee_id
             ORDER BY r.work_date DESC
             LIMIT 1
            """;
    /**
     * A chunk of the full listing: employee_id has the "C" collation, so this is EmployeeId's order,
     * and the row comparison lets the primary key index (employee_id, work_date) start at the key
     * and stop after the limit.
     */
    private static final String WITH_EMPLOYEE_CHUNK = WITH_EMPLOYEE + """
            %s
             ORDER BY r.employee_id, r.work_date
             LIMIT :limit
            """;

    private final PostgresTransactions transactions;

    PostgresAttendanceRecords(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        return transactions.withHandle(handle -> handle.createUpdate(REMOVE)
                .bind("employee_id", employeeId.value())
                .bind("work_date", date.value())
                .bind("expected_version", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("employee_id", employeeId.value())
                .bind("work_date", date.value())
                .map((rs, ctx) -> AttendanceRow.toDomain(AttendanceRow.read(rs)))
                .findOne());
    }

    @Override
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return transactions.withHandle(handle -> handle.createQuery(OF_EMPLOYEE)
                .bind("employee_id", employeeId.value())
                .bind("from", from.value())
                .bind("to", to.value())
                .map((rs, ctx) -> AttendanceRow.toDomain(AttendanceRow.read(rs)))
                .list());
    }

    @Override
    public List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        Filters.Listing listing = listing(query, after, limit);
        return transactions.withHandle(handle -> listing.on(handle)
                .map((rs, ctx) -> AttendanceRow.toDomain(AttendanceRow.read(rs)))
                .list());
    }

    static Filters.Listing listing(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        Filters filters = new Filters()
                .and("r.work_date BETWEEN :from AND :to", "from", query.from().value(), "to", query.to().value());
        after.ifPresent(key -> filters.and("(r.work_date, r.employee_id) > (:after_date, :after_employee)",
                "after_date", key.date().value(), "after_employee", key.employeeId().value()));
        query.employeeId().ifPresent(id -> filters.and("r.employee_id = :employee_id", "employee_id", id.value()));
        query.department().ifPresent(department ->
                filters.and("e.department = :department", "department", department));
        query.status().ifPresent(status -> filters.and("r.status = :status", "status", status.name()));
        query.updatedSince().ifPresent(since -> filters.and("r.updated_at >= :updated_since", "updated_since",
                since.atOffset(ZoneOffset.UTC)));
        String join = query.department().isPresent() ? JOIN_EMPLOYEES : "";
        return filters.listing(SEARCH.formatted(RECORD_COLUMNS, join), limit);
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return transactions.withHandle(handle -> handle.createQuery(LATEST_OF)
                .bind("employee_id", employeeId.value())
                .map((rs, ctx) -> withEmployee(rs))
                .findOne());
    }

    /**
     * One statement per chunk, on a connection of its own (auto-commit) that is back in the pool
     * before the caller sees a row: between chunks nothing is held. Inside a unit of work the chunk is
     * read on its transaction, as every other statement is.
     */
    @Override
    public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
        Filters.Listing chunk = chunk(after, limit);
        return transactions.withHandle(handle -> chunk.on(handle)
                .map((rs, ctx) -> withEmployee(rs))
                .list());
    }

    static Filters.Listing chunk(Optional<AttendanceKey> after, int limit) {
        Filters filters = new Filters();
        after.ifPresent(key -> filters.and("(r.employee_id, r.work_date) > (:after_employee, :after_date)",
                "after_employee", key.employeeId().value(), "after_date", key.date().value()));
        return filters.listing(WITH_EMPLOYEE_CHUNK, limit);
    }

    private static EmployeeAttendance withEmployee(ResultSet rs) throws SQLException {
        return new EmployeeAttendance(EmployeeRow.toDomain(EmployeeRow.read(rs, "e_")),
                AttendanceRow.toDomain(AttendanceRow.read(rs)));
    }
}
