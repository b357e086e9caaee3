package io.attendance.adapter.postgres;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code employees}: the time zone by its IANA id, instants as timestamptz, an absent
 * department as NULL, and {@code nameLower} the name as the name-prefix search compares it.
 */
record EmployeeRow(
        String employeeId,
        String name,
        String nameLower,
        String department,
        String timezone,
        boolean active,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    private static final List<String> COLUMNS = List.of("employee_id", "name", "name_lower", "department", "timezone",
            "active", "version", "created_at", "updated_at");

    /** Every column, as named in the table. */
    static String columns() {
        return String.join(", ", COLUMNS);
    }

    /**
     * {@code alias.column AS prefixcolumn} for every column: a joined SELECT whose employee columns
     * {@link #read} finds with {@code prefix}.
     */
    static String columns(String alias, String prefix) {
        return COLUMNS.stream()
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    /** The columns named with {@code prefix} ("" for a plain SELECT). */
    static EmployeeRow read(ResultSet rs, String prefix) throws SQLException {
        return new EmployeeRow(
                rs.getString(prefix + "employee_id"),
                rs.getString(prefix + "name"),
                rs.getString(prefix + "name_lower"),
                rs.getString(prefix + "department"),
                rs.getString(prefix + "timezone"),
                rs.getBoolean(prefix + "active"),
                rs.getLong(prefix + "version"),
                rs.getObject(prefix + "created_at", OffsetDateTime.class),
                rs.getObject(prefix + "updated_at", OffsetDateTime.class));
    }

    static EmployeeRow fromDomain(Employee employee) {
        return new EmployeeRow(
                employee.id().value(),
                employee.name(),
                lowerCase(employee.name()),
                employee.department().orElse(null),
                employee.timezone().getId(),
                employee.active(),
                employee.version(),
                employee.createdAt().atOffset(ZoneOffset.UTC),
                employee.updatedAt().atOffset(ZoneOffset.UTC));
    }

    static Employee toDomain(EmployeeRow row) {
        return new Employee(
                new EmployeeId(row.employeeId()),
                new EmployeeDetails(row.name(), Optional.ofNullable(row.department()), ZoneId.of(row.timezone()),
                        row.active()),
                row.version(),
                row.createdAt().toInstant(),
                row.updatedAt().toInstant());
    }

    /** Binds every column to the parameter of its name ({@code :employee_id}...). */
    static <S extends SqlStatement<S>> S bind(S statement, EmployeeRow row) {
        return statement
                .bind("employee_id", row.employeeId())
                .bind("name", row.name())
                .bind("name_lower", row.nameLower())
                .bindByType("department", row.department(), String.class)
                .bind("timezone", row.timezone())
                .bind("active", row.active())
                .bind("version", row.version())
                .bind("created_at", row.createdAt())
                .bind("updated_at", row.updatedAt());
    }

    /** How names and prefixes are compared: {@link io.attendance.domain.model.EmployeeQuery}'s lower case. */
    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
