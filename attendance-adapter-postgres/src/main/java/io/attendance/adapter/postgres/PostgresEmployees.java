package io.attendance.adapter.postgres;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.Employees;
import java.util.Optional;

/** {@link Employees} in the {@code employees} table. */
public final class PostgresEmployees implements Employees {
    private static final String FIND = """
            SELECT employee_id, name
              FROM employees
             WHERE employee_id = :employeeId
            """;
    /** One statement, so concurrent saves of the same id cannot collide; a same-name save changes nothing. */
    private static final String SAVE = """
            INSERT INTO employees (employee_id, name, created_at, updated_at)
            VALUES (:employeeId, :name, now(), now())
            ON CONFLICT (employee_id) DO UPDATE
               SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at
             WHERE employees.name IS DISTINCT FROM EXCLUDED.name
            """;

    private final PostgresTransactions transactions;

    PostgresEmployees(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Employee> find(EmployeeId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("employeeId", id.value())
                .map((rs, ctx) -> EmployeeRow.read(rs))
                .findOne()
                .map(EmployeeRow::toDomain));
    }

    @Override
    public void save(Employee employee) {
        EmployeeRow row = EmployeeRow.fromDomain(employee);
        transactions.withHandle(handle -> handle.createUpdate(SAVE)
                .bind("employeeId", row.employeeId())
                .bind("name", row.name())
                .execute());
    }
}
