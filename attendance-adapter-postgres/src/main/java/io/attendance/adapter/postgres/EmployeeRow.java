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
 * A row of {@code employees}, or an employee's snapshot in {@code employee_audit_events}: the time
 * zone by its IANA id, instants as timestamptz, an absent department as NULL, and {@code nameLower}
 * the name as the name-prefix search compares it. A snapshot is bound and read as the same columns,
 * which {@link #SNAPSHOT} turns into its JSON and back.
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
    /**
     * The fields of an employee's snapshot in {@code employee_audit_events}, all but its id and the
     * derived name_lower: their columns, and their members named as {@code V2EmployeeView} names them.
     */
    static final JsonSnapshot SNAPSHOT = new JsonSnapshot(List.of(
            JsonSnapshot.plain("name", "name", "text"),
            JsonSnapshot.plain("department", "department", "text"),
            JsonSnapshot.plain("timezone", "timezone", "text"),
            JsonSnapshot.plain("active", "active", "boolean"),
            JsonSnapshot.plain("version", "version", "bigint"),
            JsonSnapshot.instant("createdAt", "created_at"),
            JsonSnapshot.instant("updatedAt", "updated_at")));

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
        return read(rs, prefix, rs.getString(prefix + "employee_id"), rs.getString(prefix + "name_lower"));
    }

    /**
     * The employee whose id is the {@code employee_id} column and whose snapshot columns are named
     * with {@code prefix} ({@code before_name}..., as {@link JsonSnapshot#read} names them); absent
     * when they are NULL.
     */
    static Optional<EmployeeRow> readSnapshot(ResultSet rs, String prefix) throws SQLException {
        String name = rs.getString(prefix + "name");
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(read(rs, prefix, rs.getString("employee_id"), lowerCase(name)));
    }

    private static EmployeeRow read(ResultSet rs, String prefix, String employeeId, String nameLower) throws SQLException {
        return new EmployeeRow(
                employeeId,
                rs.getString(prefix + "name"),
                nameLower,
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

    /** Every column as a parameter of its name ({@code employee_id}...). */
    Parameters parameters() {
        return new Parameters().add("employee_id", employeeId, String.class).add("name_lower", nameLower, String.class)
                .addAll(snapshotParameters("", Optional.of(this)));
    }

    /** Binds every column to the parameter of its name ({@code :employee_id}...). */
    static <S extends SqlStatement<S>> S bind(S statement, EmployeeRow row) {
        return row.parameters().bindTo(statement);
    }

    /**
     * The snapshot columns as parameters named like them with {@code prefix} ({@code before_name}...),
     * NULL when {@code row} is absent.
     */
    static Parameters snapshotParameters(String prefix, Optional<EmployeeRow> row) {
        return new Parameters()
                .add(prefix + "name", row.map(EmployeeRow::name).orElse(null), String.class)
                .add(prefix + "department", row.map(EmployeeRow::department).orElse(null), String.class)
                .add(prefix + "timezone", row.map(EmployeeRow::timezone).orElse(null), String.class)
                .add(prefix + "active", row.map(EmployeeRow::active).orElse(null), Boolean.class)
                .add(prefix + "version", row.map(EmployeeRow::version).orElse(null), Long.class)
                .add(prefix + "created_at", row.map(EmployeeRow::createdAt).orElse(null), OffsetDateTime.class)
                .add(prefix + "updated_at", row.map(EmployeeRow::updatedAt).orElse(null), OffsetDateTime.class);
    }

    /** How names and prefixes are compared: {@link io.attendance.domain.model.EmployeeQuery}'s lower case. */
    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
