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
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The adapter on a data source the host owns leaves the host's sessions, and its source, as the host has them. */
class HostDataSourceTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    /**
     * A source of one connection that is never really closed, as a host's single-connection source
     * (or a pool that does not reset what it does not know of) has it: every setting the adapter
     * changed on a session would still be there.
     */
    @Test
    void everyCallOfTheAdapterLeavesTheSessionAsTheHostSetIt() throws SQLException {
        TestDatabase testDatabase = TestPostgres.freshDatabase();
        try (Connection hosts = testDatabase.openConnection(); Statement statement = hosts.createStatement()) {
            statement.execute("SET search_path = public; SET statement_timeout = '7s'");
            try (PostgresDatabase database = PostgresDatabase.using(alwaysThe(hosts), MigratedDatabase.HOST_CHOSEN_SCHEMA,
                    new SimpleMeterRegistry())) {
                database.migrations().update();
                database.transactions().runInTransaction(() -> database.employees().add(ADA));
                AttendanceRecord record = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, TestData.NOW);
                database.dayChanges().apply(new AttendanceKey(DAY, ADA.id()),
                        stored -> Change.ofRecord(record, AuditEvent.created(record, "user:alice")));
                assertThat(database.healthProbe().isUp()).isTrue();
                assertThat(database.migrations().status()).contains("is up to date");
            }

            assertThat(value(statement, "SHOW search_path")).isEqualTo("public");
            assertThat(value(statement, "SHOW statement_timeout")).isEqualTo("7s");
            assertThat(hosts.getAutoCommit()).isTrue();
            assertThat(hosts.getNetworkTimeout()).isZero();
            assertThat(value(statement, "SELECT count(*) FROM embedded_attendance.attendance_records")).isEqualTo("1");
            assertThat(value(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("nothing of the adapter's, nor Liquibase's, in the host's schema").isEqualTo("0");
        }
    }

    @Test
    void closingTheAdapterLeavesTheHostsPoolOpen() throws SQLException {
        try (HikariDataSource host = MigratedDatabase.hostPool(TestPostgres.freshMigratedDatabase(), 2)) {
            PostgresDatabase.using(host, DatabaseSchema.DEFAULT, new SimpleMeterRegistry()).close();

            assertThat(host.isClosed()).isFalse();
            try (Connection connection = host.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    /** {@code connection} for every caller, never closed by them. */
    private static DataSource alwaysThe(Connection connection) {
        Connection unclosable = UnclosableConnection.of(connection);
        return (DataSource) Proxy.newProxyInstance(HostDataSourceTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
