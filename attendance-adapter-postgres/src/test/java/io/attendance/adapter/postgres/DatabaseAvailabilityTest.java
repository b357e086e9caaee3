package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database nobody answers for: every port reports it unavailable, quickly, and the probe says down. */
class DatabaseAvailabilityTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");

    private static String closedPortUrl;
    private static PostgresDatabase unreachable;

    @BeforeAll
    static void poolPointingAtAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPortUrl = "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/attendance";
        }
        unreachable = PostgresDatabase.connect(closedPortUrl,
                "attendance", "secret", 2, new SimpleMeterRegistry(), withConnectionTimeout(Duration.ofMillis(500)));
    }

    @AfterAll
    static void close() {
        unreachable.close();
    }

    @Test
    void everyPortCallIsUnavailable() throws Exception {
        WorkDate day = WorkDate.of(2026, 11, 27);
        AttendanceRecord record = AttendanceRecord.first(ADA.id(), day, AttendanceStatus.PRESENT, Instant.now());
        List<ThrowingCallable> calls = List.of(
                () -> unreachable.employees().find(ADA.id()),
                () -> unreachable.employees().add(ADA),
                () -> unreachable.employees().replace(ADA.revised(ADA.details().inactive(), Instant.now()).orElseThrow(), 1),
                () -> unreachable.employees().list(EmployeeQuery.EVERYONE, Optional.empty(), 10),
                () -> unreachable.attendanceRecords().find(ADA.id(), day),
                () -> unreachable.attendanceRecords().remove(ADA.id(), day, 1),
                () -> unreachable.attendanceRecords().ofEmployee(ADA.id(), day, day),
                () -> unreachable.attendanceRecords().search(new AttendanceQuery(day, day, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10),
                () -> unreachable.attendanceRecords().latestOf(ADA.id()),
                () -> unreachable.attendanceRecords().withEmployeeAfter(Optional.empty(), 10),
                () -> unreachable.auditTrail().append(AuditEvent.created(record, "anonymous")),
                () -> unreachable.auditTrail().history(ADA.id(), day, OptionalLong.empty(), 10));

        // at once: each waits the pool's whole connection timeout
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Throwable>> failures = calls.stream()
                    .map(call -> callers.submit(() -> catchThrowable(call)))
                    .toList();
            for (Future<Throwable> failure : failures) {
                assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(Unavailable.class);
            }
        } finally {
            callers.shutdownNow();
        }
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

    /**
     * A pool that would wait 30 s for a connection: the probe's own 2 s limit must answer first. Half
     * the pool's wait as the ceiling leaves a busy machine all the room it needs.
     */
    @Test
    void theHealthProbeSaysDownWithoutThrowingAndWithoutWaitingForThePool() {
        Duration poolWait = Duration.ofSeconds(30);
        try (PostgresDatabase patient = PostgresDatabase.connect(
                closedPortUrl, "attendance", "secret", 1, new SimpleMeterRegistry(), withConnectionTimeout(poolWait))) {
            long started = System.nanoTime();

            boolean up = patient.healthProbe().isUp();

            assertThat(up).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(poolWait.dividedBy(2));
        }
    }

    private static DatabaseTimeouts withConnectionTimeout(Duration connection) {
        return new DatabaseTimeouts(connection, DatabaseTimeouts.DEFAULTS.statement(), DatabaseTimeouts.DEFAULTS.idleInTransaction());
    }

    @Test
    void aClosedDatabaseIsDownToo() {
        PostgresDatabase closed = TestPostgres.freshDatabase().connect();
        closed.close();

        assertThat(closed.healthProbe().isUp()).isFalse();
    }
}
