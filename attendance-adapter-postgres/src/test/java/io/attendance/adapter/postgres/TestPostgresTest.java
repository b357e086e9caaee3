package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(database.migrations().status()).contains("11 changesets have not been applied");
        }
    }
}
