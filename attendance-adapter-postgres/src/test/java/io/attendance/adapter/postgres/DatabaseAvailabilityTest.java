package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database nobody answers for: every port reports it unavailable, quickly, and the probe says down. */
class DatabaseAvailabilityTest {
    private static final Employee ADA = new Employee(new EmployeeId("E-1"), "Ada Lovelace");

    private static PostgresDatabase unreachable;

    @BeforeAll
    static void poolPointingAtAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        unreachable = PostgresDatabase.connect("jdbc:postgresql://127.0.0.1:" + closedPort + "/attendance",
                "attendance", "secret", 2, new SimpleMeterRegistry(), Duration.ofMillis(500), 500);
    }

    @AfterAll
    static void close() {
        unreachable.close();
    }

    @Test
    void everyPortCallIsUnavailable() {
        assertThatThrownBy(() -> unreachable.employees().find(ADA.id())).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> unreachable.employees().save(ADA)).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> unreachable.attendanceRecords().add(AttendanceRecord.first(
                ADA.id(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, Instant.now())))
                .isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> unreachable.attendanceRecords().latestOf(ADA.id())).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> unreachable.attendanceRecords().forEachWithEmployee(entry -> { }))
                .isInstanceOf(Unavailable.class);
    }

    @Test
    void aUnitOfWorkIsUnavailableBeforeItsWorkRuns() {
        boolean[] ran = {false};

        assertThatThrownBy(() -> unreachable.transactions().runInTransaction(() -> ran[0] = true))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("PostgreSQL is unavailable");
        assertThat(ran[0]).isFalse();
    }

    @Test
    void migrationsAreUnavailable() {
        assertThatThrownBy(() -> unreachable.migrations().update()).isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> unreachable.migrations().status()).isInstanceOf(Unavailable.class);
    }

    @Test
    void theHealthProbeSaysDownWithoutThrowingAndWithoutWaitingLong() {
        long started = System.nanoTime();

        boolean up = unreachable.healthProbe().isUp();

        assertThat(up).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aClosedDatabaseIsDownToo() {
        PostgresDatabase closed = TestPostgres.freshDatabase().connect();
        closed.close();

        assertThat(closed.healthProbe().isUp()).isFalse();
    }
}
