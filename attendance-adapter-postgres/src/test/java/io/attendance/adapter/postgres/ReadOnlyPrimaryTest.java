package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers named by one URL, the first of which turns read-only, as a demoted primary does: the
 * writes go to the writable one at once, instead of failing on the pool's old connections until
 * they age out. A server with {@code default_transaction_read_only} is no standby, but pgjdbc asks
 * {@code transaction_read_only} to tell a primary, so it stands in for one here.
 */
class ReadOnlyPrimaryTest {
    private static final int POOL_SIZE = 6;
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final AtomicInteger EMPLOYEES = new AtomicInteger();

    @TempDir
    static Path directory;
    private static ServerOfItsOwn first;
    private static ServerOfItsOwn second;

    @BeforeAll
    static void twoMigratedServersWithTheSameCredentials() {
        first = ServerOfItsOwn.start(directory.resolve("first"));
        second = ServerOfItsOwn.start(directory.resolve("second"));
        second.executeAsSuperuser("ALTER ROLE " + second.user() + " PASSWORD '" + first.password() + "'");
        for (ServerOfItsOwn server : new ServerOfItsOwn[] {first, second}) {
            try (PostgresDatabase database = connect(server.jdbcUrl())) {
                database.migrations().update();
            }
        }
    }

    @AfterAll
    static void stopBoth() {
        first.close();
        second.close();
    }

    @BeforeEach
    void bothWritable() {
        readOnly(first, false);
    }

    @Test
    void writesMoveToTheWritableHostAsSoonAsThePrimaryTheyUsedTurnsReadOnly() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PostgresDatabase database = connect(bothServers(""), registry)) {
            assertThat(holds(first, add(database))).as("written on the first host while it is writable").isTrue();
            // the pool keeps all its connections open (its minimum idle is its size), every one on the first host
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (registry.get("hikaricp.connections").gauge().value() < POOL_SIZE) {
                assertThat(System.nanoTime()).as("the pool filled in time").isLessThan(deadline);
                Thread.sleep(20);
            }

            readOnly(first, true);

            // a write of each path, more of them than the pool had stale connections to drop one at a time
            for (int i = 0; i < POOL_SIZE; i++) {
                Employee added = add(database);
                Employee inUnitOfWork = newEmployee();
                database.transactions().runInTransaction(() -> database.employees().add(inUnitOfWork));
                Employee grouped = newEmployee();
                database.dayChanges().apply(new AttendanceKey(DAY, grouped.id()),
                        stored -> Change.NONE.withEmployee(grouped, EmployeeAuditEvent.created(grouped, "user:alice")));

                assertThat(holds(second, added)).as("written on the second host").isTrue();
                assertThat(holds(second, inUnitOfWork)).as("a unit of work on the second host").isTrue();
                assertThat(holds(second, grouped)).as("a group commit on the second host").isTrue();
            }
        }
    }

    @Test
    void aUrlOfSeveralHostsConnectsToTheFirstWritableOneThatAnswers() throws Exception {
        readOnly(first, true);
        try (PostgresDatabase database = connect(bothServers(""))) {
            assertThat(holds(second, add(database))).as("the read-only first host is passed over").isTrue();
        }
        try (PostgresDatabase database = connect("jdbc:postgresql://localhost:" + closedPort()
                + ",localhost:" + second.port() + "/" + second.user())) {
            assertThat(holds(second, add(database))).as("the first host refuses connections").isTrue();
        }
    }

    @Test
    void aUrlThatChoosesItsTargetServerTypeKeepsIt() {
        readOnly(first, true);
        try (PostgresDatabase database = connect(bothServers("?targetServerType=any"))) {
            assertThat(database.healthProbe().isUp()).isTrue();
            // connected to the read-only first host, as the URL asks: a write fails there
            assertThatThrownBy(() -> add(database)).isInstanceOf(Unavailable.class);
        }
    }

    private static PostgresDatabase connect(String url) {
        return connect(url, new SimpleMeterRegistry());
    }

    private static PostgresDatabase connect(String url, SimpleMeterRegistry registry) {
        return PostgresDatabase.connect(url, first.user(), first.password(), POOL_SIZE, registry, DatabaseTimeouts.DEFAULTS);
    }

    private static String bothServers(String parameters) {
        return "jdbc:postgresql://localhost:" + first.port() + ",localhost:" + second.port() + "/" + first.user()
                + parameters;
    }

    private static void readOnly(ServerOfItsOwn server, boolean readOnly) {
        String value = readOnly ? "on" : "off";
        server.executeAsSuperuser("ALTER SYSTEM SET default_transaction_read_only = " + value);
        server.executeAsSuperuser("SELECT pg_reload_conf()");
        // The postmaster reads the configuration again, then signals its backends, which read it as they
        // receive the signal; a new session is forked with what the postmaster has. So once a new session
        // has the value, every backend was signalled: not a pause that a busy machine may outlast.
        for (int attempt = 0; !server.settingAsSuperuser("default_transaction_read_only").equals(value); attempt++) {
            assertThat(attempt).as("attempts until the postmaster has read the configuration").isLessThan(1_500);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Employee newEmployee() {
        return TestData.employee("R-" + EMPLOYEES.incrementAndGet(), "Someone");
    }

    private static Employee add(PostgresDatabase database) {
        Employee employee = newEmployee();
        database.employees().add(employee);
        return employee;
    }

    private static boolean holds(ServerOfItsOwn server, Employee employee) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), first.user(), first.password());
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM employees WHERE employee_id = ?")) {
            select.setString(1, employee.id().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
