package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges.Stored;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server of our own that stops, or freezes, under the adapter with its production timeouts: every
 * kind of call (a read, queued group-commit writes, a batch, the health probe) is unavailable within
 * {@link #FAIL_FAST}, and once the server is back the same pool serves again within {@link #RECOVERY}.
 * The figures of docs/failure-behaviour.md (about 1 s stopped, 1.5 s frozen) are what the log lines measure; the bounds
 * asserted prove "bounded, not hanging" with room for a loaded machine.
 */
class DatabaseOutageTest {
    /**
     * Without the connection, statement and socket timeouts a call on a frozen server would wait as long
     * as it stays frozen (here until the 30 s of the futures' wait): ten seconds proves them, and leaves a
     * busy machine seconds above the 1.5 s they add up to.
     */
    static final Duration FAIL_FAST = Duration.ofSeconds(10);
    /** Without recovering by itself, the pool would serve again only once its connections' 30 min lifetime ran out. */
    static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final int QUEUED_WRITES = 40;
    private static final AtomicInteger EMPLOYEES = new AtomicInteger();

    @TempDir
    static Path directory;
    private static ServerOfItsOwn server;
    private static PostgresDatabase database;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeAll
    static void startServerAndAdapter() {
        server = ServerOfItsOwn.start(directory);
        database = PostgresDatabase.connect(server.jdbcUrl(), server.user(), server.password(), 10,
                new SimpleMeterRegistry(), DatabaseTimeouts.DEFAULTS);
        database.migrations().update();
        database.employees().add(ADA);
    }

    @AfterAll
    static void stopBoth() {
        database.close();
        server.close();
    }

    @BeforeEach
    void poolInUse() {
        assertThat(database.employees().find(ADA.id())).contains(ADA);
        addAnEmployee();
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aStoppedServerIsUnavailableAtOnceAndServesAgainSoonAfterItsRestart() throws Exception {
        server.stop();
        try {
            everyKindOfCallFailsFast("stopped");
        } finally {
            server.restart();
        }
        servesAgainSoon("restarted");
    }

    @Test
    void aFrozenServerIsUnavailableWithinTheBoundAndServesAgainSoonAfterItResumes() throws Exception {
        server.pause();
        try {
            everyKindOfCallFailsFast("frozen");
        } finally {
            server.resume();
        }
        servesAgainSoon("resumed");
    }

    private void everyKindOfCallFailsFast(String state) throws Exception {
        List<Future<Duration>> failures = new ArrayList<>();
        failures.add(timedFailure(() -> database.employees().find(ADA.id())));
        AttendanceKey first = newEmployee();
        AttendanceKey second = newEmployee();
        failures.add(timedFailure(() -> database.dayChanges().applyAll(List.of(first, second),
                stored -> List.of(addsTheEmployee(first).apply(stored.get(0)), addsTheEmployee(second).apply(stored.get(1))))));
        for (int i = 0; i < QUEUED_WRITES; i++) {
            failures.add(timedFailure(DatabaseOutageTest::addAnEmployee));
        }
        Future<Duration> probe = callers.submit(() -> {
            long started = System.nanoTime();
            assertThat(database.healthProbe().isUp()).as("the probe").isFalse();
            return Duration.ofNanos(System.nanoTime() - started);
        });
        Duration slowest = Duration.ZERO;
        for (Future<Duration> failure : failures) {
            Duration took = failure.get(30, TimeUnit.SECONDS);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
        }
        LOG.info("{} server: the slowest of {} calls was unavailable after {} ms, the probe said down after {} ms",
                state, failures.size(), slowest.toMillis(), probe.get(30, TimeUnit.SECONDS).toMillis());
        assertThat(slowest).as("the slowest call's wait").isLessThan(FAIL_FAST);
        assertThat(probe.get()).as("the probe's wait").isLessThan(FAIL_FAST);
    }

    /** How long the call took to fail with {@link Unavailable}. */
    private Future<Duration> timedFailure(Callable<?> call) {
        return callers.submit(() -> {
            long started = System.nanoTime();
            try {
                call.call();
            } catch (Unavailable expected) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            throw new AssertionError("the call succeeded");
        });
    }

    private void servesAgainSoon(String state) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            try {
                assertThat(database.employees().find(ADA.id())).contains(ADA);
                addAnEmployee();
                break;
            } catch (Unavailable notYet) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to recover").isLessThan(RECOVERY);
                Thread.sleep(50);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("{} server: served again after {} ms", state, took.toMillis());
        assertThat(took).as("time to recover").isLessThan(RECOVERY);
        assertThat(database.healthProbe().isUp()).isTrue();
    }

    private static AttendanceKey newEmployee() {
        return new AttendanceKey(DAY, new EmployeeId("N-" + EMPLOYEES.incrementAndGet()));
    }

    /** A group-commit write of a new employee. */
    private static Change addAnEmployee() {
        AttendanceKey day = newEmployee();
        return database.dayChanges().apply(day, addsTheEmployee(day));
    }

    /** Adds the day's employee: a write that needs no record. */
    private static Function<Stored, Change> addsTheEmployee(AttendanceKey day) {
        Employee employee = TestData.employee(day.employeeId().value(), "Someone");
        return stored -> Change.NONE.withEmployee(employee, EmployeeAuditEvent.created(employee, "user:alice"));
    }
}
