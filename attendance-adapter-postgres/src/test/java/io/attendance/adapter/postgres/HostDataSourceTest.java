package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.attendance.adapter.postgres.TestPostgres.TestDatabase;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The adapter on a pool the host owns of one connection, so that every call of the adapter takes the
 * very connection the host takes afterwards, whose session the host set (search path, timeout).
 */
class HostDataSourceTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    @Test
    void theHostsSessionsAreLeftAsTheHostSetThemAndItsPoolStaysOpen() throws SQLException {
        TestDatabase testDatabase = TestPostgres.freshDatabase();
        try (HikariDataSource host = MigratedDatabase.hostPool(testDatabase, 1)) {
            try (PostgresDatabase database = PostgresDatabase.using(host, MigratedDatabase.HOST_CHOSEN_SCHEMA,
                    new SimpleMeterRegistry())) {
                database.migrations().update();
                database.transactions().runInTransaction(() -> database.employees().add(ADA));
                AttendanceRecord record = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, TestData.NOW);
                database.dayChanges().apply(new AttendanceKey(DAY, ADA.id()),
                        stored -> Change.ofRecord(record, AuditEvent.created(record, "user:alice")));
                assertThat(database.healthProbe().isUp()).isTrue();
                assertThat(database.migrations().status()).contains("is up to date");
            }

            assertThat(host.isClosed()).as("the host's pool, after the adapter closed").isFalse();
            try (Connection connection = host.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(value(statement, "SHOW search_path")).isEqualTo("public");
                assertThat(value(statement, "SHOW statement_timeout")).isEqualTo("7s");
                assertThat(connection.getAutoCommit()).isTrue();
                assertThat(connection.getNetworkTimeout()).isZero();
                assertThat(value(statement, "SELECT count(*) FROM embedded_attendance.attendance_records")).isEqualTo("1");
                assertThat(value(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                        .as("nothing of the adapter's, nor Liquibase's, in the host's schema").isEqualTo("0");
            }
        }
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
