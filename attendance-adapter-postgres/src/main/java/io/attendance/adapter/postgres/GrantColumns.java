package io.attendance.adapter.postgres;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@link Grant} in the {@code roles} (TEXT[] of Role's names, in Role's order) and
 * {@code employee_id} (NULL when absent) columns of {@code users} and {@code api_keys}.
 */
record GrantColumns(String[] roles, String employeeId) {

    static GrantColumns read(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        try {
            return new GrantColumns((String[]) roles.getArray(), rs.getString("employee_id"));
        } finally {
            roles.free();
        }
    }

    static GrantColumns fromDomain(Grant grant) {
        return new GrantColumns(grant.roles().stream().sorted().map(Role::name).toArray(String[]::new),
                grant.employeeId().map(EmployeeId::value).orElse(null));
    }

    Grant toDomain() {
        return new Grant(Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()),
                Optional.ofNullable(employeeId).map(EmployeeId::new));
    }

    /** Binds {@code :roles} and {@code :employee_id}. */
    <S extends SqlStatement<S>> S bind(S statement) {
        return statement
                .bindArray("roles", String.class, (Object[]) roles)
                .bindByType("employee_id", employeeId, String.class);
    }
}
