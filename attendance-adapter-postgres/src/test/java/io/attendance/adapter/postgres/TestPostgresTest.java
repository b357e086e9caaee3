package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.testing.AuditHistories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void aFreshDatabaseKeepsTheServerAndTheParametersOfTheUrl() {
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://localhost:5432/postgres", "t1"))
                .isEqualTo("jdbc:postgresql://localhost:5432/t1");
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://db1:5432,db2:5433/app?sslmode=require&user=x", "t1"))
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5433/t1?sslmode=require&user=x");
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://localhost?ssl=false", "t1"))
                .isEqualTo("jdbc:postgresql://localhost/t1?ssl=false");
    }

    @Test
    void freshDatabasesAreSeparateAndMigratedOnesHaveTheSchema() throws Exception {
        TestPostgres.TestDatabase empty = TestPostgres.freshDatabase();
        TestPostgres.TestDatabase migrated = TestPostgres.freshMigratedDatabase();

        assertThat(empty.jdbcUrl()).isNotEqualTo(migrated.jdbcUrl());
        try (PostgresDatabase database = migrated.connect()) {
            assertThat(database.migrations().status()).contains("is up to date");
        }
        try (PostgresDatabase database = empty.connect()) {
            assertThat(database.migrations().status()).containsPattern("\\d+ changesets have not been applied").doesNotContain("is up to date");
        }
    }

    @Test
    void emptyingADatabaseEmptiesTheAuditTablesAndLeavesThemAppendOnly() throws SQLException {
        TestPostgres.TestDatabase migrated = TestPostgres.freshMigratedDatabase();
        EmployeeAuditEvent created = EmployeeAuditEvent.created(TestData.employee("E-1", "Ada"), "anonymous");
        try (PostgresDatabase database = migrated.connect()) {
            database.auditTrail().append(created);

            TestPostgres.truncateAll(migrated);

            assertThat(AuditHistories.of(database.auditTrail(), created.employeeId())).isEmpty();
            database.auditTrail().append(created);
        }
        try (Connection connection = migrated.openConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM employee_audit_events"))
                    .hasMessageContaining("append-only");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM employee_audit_events")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
