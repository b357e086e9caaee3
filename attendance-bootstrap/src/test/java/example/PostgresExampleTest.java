package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL example of docs/embedding.md runs as written on a database it has never seen. */
class PostgresExampleTest {

    @Test
    void theExampleMigratesItsOwnSchemaAndReadsBackTheDayItRecorded() throws Exception {
        TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
        PGSimpleDataSource hostDataSource = new PGSimpleDataSource();
        hostDataSource.setUrl(database.jdbcUrl());
        hostDataSource.setUser(database.user());
        hostDataSource.setPassword(database.password());

        AttendanceRecord stored = PostgresExample.recordADay(hostDataSource);

        assertThat(stored.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(stored.date()).hasToString("2025-03-03");
        try (Connection connection = hostDataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM attendance.attendance_records WHERE employee_id = 'E-1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
