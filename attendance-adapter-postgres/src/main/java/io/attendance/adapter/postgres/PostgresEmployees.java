package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.Versions;
import io.attendance.domain.port.Employees;
import java.util.List;
import java.util.Optional;

/** {@link Employees} in the {@code employees} table. */
public final class PostgresEmployees implements Employees {
    private static final String COLUMNS = EmployeeRow.columns();
    private static final String FIND = """
            SELECT %s
              FROM <employees>
             WHERE employee_id = :employee_id
            """.formatted(COLUMNS);
    /**
     * ON CONFLICT DO NOTHING rather than catching the unique violation: the transaction stays usable,
     * and a concurrent insert of the same id waits for the other one to commit, then inserts nothing.
     */
    private static final String ADD = """
            INSERT INTO <employees> (%s)
            VALUES (:employee_id, :name, :name_lower, :department, :timezone, :active, :version, :created_at, :updated_at)
            ON CONFLICT (employee_id) DO NOTHING
            """.formatted(COLUMNS);
    /**
     * A compare-and-set: of concurrent updates with the same expected version, the first takes the
     * row lock; the others wait, then re-check the version on the committed row and update nothing.
     */
    private static final String REPLACE = """
            UPDATE <employees>
               SET name = :name, name_lower = :name_lower, department = :department, timezone = :timezone,
                   active = :active, version = :version, created_at = :created_at, updated_at = :updated_at
             WHERE employee_id = :employee_id AND version = :expected_version
            """;
    /** Ordered by employee_id, whose "C" collation is EmployeeId's order; a page starts after the last id seen. */
    private static final String LIST = """
            SELECT %s
              FROM <employees>%%s
             ORDER BY employee_id
             LIMIT :limit
            """.formatted(COLUMNS);

    private final PostgresTransactions transactions;

    PostgresEmployees(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("employee_id", id.value())
                .map((rs, ctx) -> EmployeeRow.read(rs, ""))
                .findOne()
                .map(EmployeeRow::toDomain));
    }

    @Override
    public void add(Employee employee) {
        EmployeeRow row = EmployeeRow.fromDomain(employee);
        int inserted = transactions.withHandle(handle -> EmployeeRow.bind(handle.createUpdate(ADD), row).execute());
        if (inserted == 0) {
            throw new Conflict("employee " + employee.id() + " exists already");
        }
    }

    /** @throws IllegalArgumentException when {@code employee}'s version does not follow {@code expectedVersion} */
    @Override
    public boolean replace(Employee employee, long expectedVersion) {
        Versions.requireNext(employee.version(), expectedVersion);
        EmployeeRow row = EmployeeRow.fromDomain(employee);
        return transactions.withHandle(handle -> EmployeeRow.bind(handle.createUpdate(REPLACE), row)
                .bind("expected_version", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public List<Employee> list(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        Filters.Listing listing = listing(query, after, limit);
        return transactions.withHandle(handle -> listing.on(handle)
                .map((rs, ctx) -> EmployeeRow.toDomain(EmployeeRow.read(rs, "")))
                .list());
    }

    static Filters.Listing listing(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        Filters filters = new Filters();
        query.department().ifPresent(department -> filters.and("department = :department", "department", department));
        query.active().ifPresent(active -> filters.and("active = :active", "active", active));
        query.namePrefix().ifPresent(prefix -> filters.and("name_lower LIKE :name_pattern", "name_pattern",
                Filters.startingWith(EmployeeRow.lowerCase(prefix))));
        after.ifPresent(id -> filters.and("employee_id > :after", "after", id.value()));
        return filters.listing(LIST, limit);
    }
}
