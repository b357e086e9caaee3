package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.application.Attendance;
import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.application.records.PutRecordCommand;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Persistence;
import io.attendance.testing.AllAtOnce;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.ForwardingEmployees;
import io.attendance.testing.ForwardingPersistence;
import io.attendance.testing.InMemoryReadCache;
import io.attendance.testing.TakingTurns;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The use cases on PostgreSQL, their writers all holding their first write until every one of them
 * has read: each reads the same state, and the database's unique keys and compare-and-set updates
 * decide the race, which the in-memory store (one unit of work at a time) never lets happen.
 */
class WriteRacesOnPostgresTest {
    /** Fewer than the pool's 10 connections: every writer holds one while it waits for the others. */
    private static final int WRITERS = 8;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /**
     * Service instances writing to the database. One instance writes an employee's days one call at
     * a time, so day changes race only between instances: at most this many read a day at once.
     */
    private static final int INSTANCES = 2;

    private static TestPostgres.TestDatabase testDatabase;
    private static PostgresDatabase database;
    /** A second service instance's adapter on the same database. */
    private static PostgresDatabase otherInstance;

    @BeforeAll
    static void connect() {
        testDatabase = TestPostgres.freshMigratedDatabase();
        database = testDatabase.connect();
        otherInstance = testDatabase.connect();
    }

    @BeforeEach
    void empty() {
        TestPostgres.truncateAll(testDatabase);
    }

    @AfterAll
    static void close() {
        database.close();
        otherInstance.close();
    }

    /** The use cases over the database's ports, or over decorators of them. */
    private static Attendance over(Employees employees, DayChanges days) {
        Persistence store = new ForwardingPersistence(database) {
            @Override
            public Employees employees() {
                return employees;
            }

            @Override
            public DayChanges dayChanges() {
                return days;
            }
        };
        return Attendance.builder()
                .persistence(store)
                .readCache(new InMemoryReadCache(), () -> true)
                .clock(CLOCK)
                .defaultZone(PARIS)
                .build();
    }

    /** For setting up and checking: nobody waits. */
    private final Attendance direct = over(database.employees(), database.dayChanges());

    /**
     * For {@code writers} racing writers: each one's first write waits until all have read. Day
     * changes go to the {@value #INSTANCES} instances in turn (one instance writes an employee's days
     * one call at a time), so at most that many read before one writes; they can both read only a
     * day that is not stored yet, since reading a stored record locks it.
     */
    private static Attendance racing(int writers) {
        return over(new EmployeesWaitingForAllReads(database.employees(), new AllHaveRead(writers)),
                new DayChangesWaitingForAllReads(concurrentInstances(), new AllHaveRead(Math.min(writers, INSTANCES))));
    }

    /** Day changes through the {@value #INSTANCES} instances in turn, with nothing held: the writes of a stored day queue on its lock. */
    private static Attendance concurrent() {
        return over(database.employees(), concurrentInstances());
    }

    private static TakingTurns concurrentInstances() {
        return new TakingTurns(List.of(database.dayChanges(), otherInstance.dayChanges()));
    }

    private static PutEmployeeCommand employee(String name) {
        return new PutEmployeeCommand(ADA, new EmployeeDetails(name, Optional.of("Ops"), PARIS, true));
    }

    private static PutRecordCommand record(String note) {
        return new PutRecordCommand(ADA, DAY, DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .note(note)
                .build());
    }

    private static RecordAttendanceCommand v1Create(String name, String date) {
        return new RecordAttendanceCommand(ADA, Optional.of(name), AttendanceStatus.PRESENT, WorkDate.parse(date));
    }

    private static List<AuditAction> actions(WorkDate date) {
        return AuditHistories.of(database.auditTrail(), ADA, date).stream().map(AuditEvent::action).toList();
    }

    /** The one write that succeeded, when every other one failed its precondition. */
    private static Written<?> theOneWritten(List<Object> outcomes) {
        assertThat(outcomes).map(outcome -> outcome.getClass().getSimpleName())
                .containsOnly(Written.class.getSimpleName(), PreconditionFailed.class.getSimpleName())
                .containsOnlyOnce(Written.class.getSimpleName());
        return outcomes.stream().filter(Written.class::isInstance).map(Written.class::cast).findFirst().orElseThrow();
    }

    @Test
    void createOnlyPutsOfOneNewEmployeeCreateItExactlyOnce() throws Exception {
        Attendance racing = racing(WRITERS);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS,
                writer -> () -> racing.employeeWrites().put(employee("Ada " + writer), Precondition.ifNoneMatchAny(), "writer " + writer));

        Written<?> created = theOneWritten(outcomes);
        assertThat(created.created()).isTrue();
        assertThat(database.employees().find(ADA)).contains((Employee) created.value());
    }

    @Test
    void putsOfAnEmployeePinnedToOneVersionLetExactlyOneWin() throws Exception {
        direct.employeeWrites().put(employee("Ada Lovelace"), Precondition.NONE, "hr");
        Attendance racing = racing(WRITERS);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS,
                writer -> () -> racing.employeeWrites().put(employee("Ada " + writer), Precondition.ifMatch(1), "writer " + writer));

        Written<?> replaced = theOneWritten(outcomes);
        assertThat(((Employee) replaced.value()).version()).isEqualTo(2);
        assertThat(database.employees().find(ADA)).contains((Employee) replaced.value());
    }

    @Test
    void createOnlyPutsOfOneNewRecordCreateItExactlyOnce() throws Exception {
        direct.employeeWrites().put(employee("Ada Lovelace"), Precondition.NONE, "hr");
        Attendance racing = racing(WRITERS);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> racing.recordWrites()
                .put(record("writer " + writer), Precondition.ifNoneMatchAny(), "writer " + writer));

        Written<?> created = theOneWritten(outcomes);
        assertThat(created.created()).isTrue();
        assertThat(database.attendanceRecords().find(ADA, DAY)).contains((AttendanceRecord) created.value());
        assertThat(actions(DAY)).containsExactly(AuditAction.CREATED);
    }

    @Test
    void putsOfARecordPinnedToOneVersionLetExactlyOneWin() throws Exception {
        direct.employeeWrites().put(employee("Ada Lovelace"), Precondition.NONE, "hr");
        direct.recordWrites().put(record("original"), Precondition.NONE, "hr");
        Attendance racing = concurrent();

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> racing.recordWrites()
                .put(record("writer " + writer), Precondition.ifMatch(1), "writer " + writer));

        Written<?> replaced = theOneWritten(outcomes);
        assertThat(((AttendanceRecord) replaced.value()).version()).isEqualTo(2);
        assertThat(database.attendanceRecords().find(ADA, DAY)).contains((AttendanceRecord) replaced.value());
        assertThat(actions(DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
    }

    /**
     * An If-Match that lists the stored version and the next one. The writes of a stored day queue on
     * its lock, each deciding on the version it then reads: the first turns 1 into 2, the next finds
     * 2, which its list names, and turns it into 3; every later one finds 3 and fails. That is the
     * outcome of the same writes made one after the other.
     */
    @Test
    void putsOfARecordPinnedToAListOfVersionsWinWhileTheyFindAListedVersion() throws Exception {
        direct.employeeWrites().put(employee("Ada Lovelace"), Precondition.NONE, "hr");
        direct.recordWrites().put(record("original"), Precondition.NONE, "hr");
        Attendance racing = concurrent();

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> racing.recordWrites()
                .put(record("writer " + writer), Precondition.ifMatchOneOf(List.of(1L, 2L)), "writer " + writer));

        assertThat(outcomes).map(outcome -> outcome.getClass().getSimpleName())
                .containsOnly(Written.class.getSimpleName(), PreconditionFailed.class.getSimpleName());
        assertThat(outcomes).filteredOn(Written.class::isInstance)
                .map(written -> ((AttendanceRecord) ((Written<?>) written).value()).version())
                .containsExactlyInAnyOrder(2L, 3L);
        assertThat(actions(DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED, AuditAction.UPDATED);
    }

    @Test
    void twoV1CreatesOfOneNewEmployeeOnTwoDaysBothRecordTheirDay() throws Exception {
        Attendance racing = racing(2);
        List<String> days = List.of("2026-11-26", "2026-11-27");

        List<Object> outcomes = AllAtOnce.outcomes(2,
                writer -> () -> racing.recordAttendance().record(v1Create("Ada Lovelace", days.get(writer)), "kiosk"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(AttendanceRecord.class));
        assertThat(database.employees().find(ADA)).map(Employee::version).contains(1L);
        for (String day : days) {
            assertThat(database.attendanceRecords().find(ADA, WorkDate.parse(day))).as(day).isPresent();
            assertThat(actions(WorkDate.parse(day))).as(day).containsExactly(AuditAction.CREATED);
        }
    }

    @Test
    void twoV1CreatesOfOneNewEmployeeOnTheSameDayRecordItOnceAndTheOtherConflicts() throws Exception {
        Attendance racing = racing(2);

        List<Object> outcomes = AllAtOnce.outcomes(2,
                writer -> () -> racing.recordAttendance().record(v1Create("Ada " + writer, DAY.toString()), "kiosk"));

        assertThat(outcomes).filteredOn(AttendanceRecord.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Conflict.class::isInstance).singleElement()
                .satisfies(conflict -> assertThat(((Conflict) conflict).getMessage())
                        .as("the day is taken, not the employee").contains("already has a record on " + DAY));
        int winner = outcomes.indexOf(outcomes.stream().filter(AttendanceRecord.class::isInstance).findFirst().orElseThrow());
        assertThat(database.employees().find(ADA)).hasValueSatisfying(stored -> {
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.name()).isEqualTo("Ada " + winner);
        });
        assertThat(actions(DAY)).containsExactly(AuditAction.CREATED);
    }

    /**
     * Holds the first {@code parties} writes until all of them have been reached, that is until all
     * have read. Any later write (a retry included) goes at once: the others may be done by then.
     */
    private static final class AllHaveRead {
        private final CyclicBarrier barrier;
        private final AtomicInteger arrivals = new AtomicInteger();

        AllHaveRead(int parties) {
            barrier = new CyclicBarrier(parties);
        }

        void beforeWrite() {
            if (arrivals.incrementAndGet() > barrier.getParties()) {
                return;
            }
            try {
                // a writer that never comes fails the race instead of hanging it
                barrier.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the other writers", e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the writers never all read", e);
            }
        }
    }

    private static final class EmployeesWaitingForAllReads extends ForwardingEmployees {
        private final AllHaveRead allHaveRead;

        EmployeesWaitingForAllReads(Employees delegate, AllHaveRead allHaveRead) {
            super(delegate);
            this.allHaveRead = allHaveRead;
        }

        @Override
        public void add(Employee employee) {
            allHaveRead.beforeWrite();
            super.add(employee);
        }

        @Override
        public boolean replace(Employee employee, long expectedVersion) {
            allHaveRead.beforeWrite();
            return super.replace(employee, expectedVersion);
        }
    }

    /**
     * The plan runs after the read, on a committer thread: holding it there until the other
     * instances' committers have read too makes them write over the same state.
     */
    private static final class DayChangesWaitingForAllReads implements DayChanges {
        private final DayChanges delegate;
        private final AllHaveRead allHaveRead;

        DayChangesWaitingForAllReads(DayChanges delegate, AllHaveRead allHaveRead) {
            this.delegate = delegate;
            this.allHaveRead = allHaveRead;
        }

        @Override
        public Change apply(AttendanceKey day, Function<Stored, Change> plan) {
            return delegate.apply(day, stored -> {
                allHaveRead.beforeWrite();
                return plan.apply(stored);
            });
        }

        @Override
        public List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan) {
            return delegate.applyAll(days, stored -> {
                allHaveRead.beforeWrite();
                return plan.apply(stored);
            });
        }
    }
}
