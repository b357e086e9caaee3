package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges.Stored;
import io.attendance.testing.AuditHistories;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Group commit itself, with one committer held inside a plan while calls queue behind it, so the
 * next group is known to hold them all: what one call does to its group's neighbours.
 */
class GroupCommitTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final String ACTOR = "user:alice";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private PostgresDayChanges days;

    @BeforeEach
    void openOneCommitter() {
        TestPostgres.TestDatabase db = DATABASE.testDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        days = new PostgresDayChanges(dataSource, false, DatabaseSchema.DEFAULT, 1, registry);
    }

    @AfterEach
    void close() {
        days.close();
        callers.shutdownNow();
    }

    private static AttendanceKey dayOf(String employee) {
        return new AttendanceKey(DAY, new EmployeeId(employee));
    }

    /** The v1 create's plan: a new day, the employee created when unknown. */
    private static Function<Stored, Change> firstRecord(AttendanceKey day) {
        return stored -> {
            if (stored.record().isPresent()) {
                throw new Conflict("taken");
            }
            AttendanceRecord record = AttendanceRecord.first(day.employeeId(), day.date(), AttendanceStatus.PRESENT, NOW);
            Change change = Change.ofRecord(record, AuditEvent.created(record, ACTOR));
            if (stored.employee().isPresent()) {
                return change;
            }
            Employee created = Employee.first(day.employeeId(), EmployeeDetails.named("Someone", ZoneOffset.UTC), NOW);
            return change.withEmployee(created, EmployeeAuditEvent.created(created, ACTOR));
        };
    }

    private CompletableFuture<Change> call(AttendanceKey day, Function<Stored, Change> plan) {
        return CompletableFuture.supplyAsync(() -> days.apply(day, plan), callers);
    }

    /** Holds the committer inside a plan until the returned latch is counted down. */
    private CountDownLatch holdTheCommitter() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        call(dayOf("holder"), stored -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Change.NONE;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void awaitQueued(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get("db.write.queued").gauge().value() < calls) {
            assertThat(System.nanoTime()).as("calls queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static Throwable failureOf(CompletableFuture<Change> call) {
        return call.handle((change, failure) -> failure.getCause()).join();
    }

    @Test
    void aCallThatFailsNeverFailsItsNeighboursInTheSameGroup() throws Exception {
        for (String taken : List.of("taken-1", "taken-2")) {
            days.apply(dayOf(taken), firstRecord(dayOf(taken)));
        }
        DATABASE.transactions().withHandle(handle -> handle.execute("""
                CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.employee_id = 'poison' THEN RAISE EXCEPTION 'a row the database refuses'; END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS refuse_poison ON <attendance_records>;
                CREATE TRIGGER refuse_poison BEFORE INSERT ON <attendance_records>
                  FOR EACH ROW EXECUTE FUNCTION refuse_poison();
                """));
        CountDownLatch release = holdTheCommitter();

        List<CompletableFuture<Change>> valid = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            valid.add(call(dayOf("new-" + i), firstRecord(dayOf("new-" + i))));
        }
        List<CompletableFuture<Change>> duplicates = List.of(
                call(dayOf("taken-1"), firstRecord(dayOf("taken-1"))),
                call(dayOf("taken-2"), firstRecord(dayOf("taken-2"))));
        ValidationFailed refusal = new ValidationFailed("name", "is required for a new employee");
        CompletableFuture<Change> refused = call(dayOf("refused"), stored -> {
            throw refusal;
        });
        CompletableFuture<Change> poisoned = call(dayOf("poison"), firstRecord(dayOf("poison")));
        CompletableFuture<Change> misversioned = call(dayOf("misversioned"), stored -> {
            AttendanceRecord second = AttendanceRecord.first(new EmployeeId("misversioned"), DAY,
                    AttendanceStatus.PRESENT, NOW).revised(DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.V1),
                    NOW).orElseThrow();
            return Change.ofRecord(second, AuditEvent.created(second, ACTOR));
        });
        int queued = valid.size() + duplicates.size() + 3;
        awaitQueued(queued);
        release.countDown();

        for (int i = 0; i < valid.size(); i++) {
            Change written = valid.get(i).get(30, TimeUnit.SECONDS);
            assertThat(DATABASE.attendanceRecords().find(new EmployeeId("new-" + i), DAY))
                    .contains(written.record().orElseThrow().value());
            assertThat(AuditHistories.of(DATABASE.auditTrail(), new EmployeeId("new-" + i))).hasSize(1);
            assertThat(AuditHistories.of(DATABASE.auditTrail(), new EmployeeId("new-" + i), DAY)).hasSize(1);
        }
        duplicates.forEach(duplicate -> assertThat(failureOf(duplicate)).isInstanceOf(Conflict.class));
        assertThat(failureOf(refused)).isSameAs(refusal);
        assertThat(failureOf(poisoned)).hasMessageContaining("a row the database refuses");
        assertThat(failureOf(misversioned)).isInstanceOf(IllegalArgumentException.class);
        for (String absent : List.of("refused", "poison", "misversioned")) {
            assertThat(DATABASE.employees().find(new EmployeeId(absent))).isEmpty();
            assertThat(AuditHistories.of(DATABASE.auditTrail(), new EmployeeId(absent))).isEmpty();
        }
        DistributionSummary groups = registry.get("db.write.group.size").summary();
        assertThat(groups.max()).as("the calls queued behind the held one made one group").isEqualTo(queued);
    }

    @Test
    void callsOfOneEmployeeGoInSuccessiveGroupsAndAllLand() throws Exception {
        CountDownLatch release = holdTheCommitter();
        List<CompletableFuture<Change>> sameEmployee = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AttendanceKey day = new AttendanceKey(new WorkDate(DAY.value().plusDays(i)), new EmployeeId("ada"));
            sameEmployee.add(call(day, firstRecord(day)));
        }
        awaitQueued(5);
        release.countDown();

        for (CompletableFuture<Change> call : sameEmployee) {
            assertThat(call.get(30, TimeUnit.SECONDS).record()).isPresent();
        }
        assertThat(AuditHistories.of(DATABASE.auditTrail(), new EmployeeId("ada"))).hasSize(1);
        assertThat(registry.get("db.write.group.size").summary().max()).isEqualTo(1);
    }

    @Test
    void aCallOvertakenByAnotherWriterEveryTimeEndsAsAConflictAndWritesNothing() {
        days.apply(dayOf("ada"), firstRecord(dayOf("ada")));
        AttendanceKey nextDay = new AttendanceKey(new WorkDate(DAY.value().plusDays(1)), new EmployeeId("ada"));
        AtomicInteger plans = new AtomicInteger();

        assertThatThrownBy(() -> days.apply(nextDay, stored -> {
            int plan = plans.incrementAndGet();
            // another instance renames the employee after this plan's read, every time
            DATABASE.transactions().withHandle(handle -> handle.execute(
                    "UPDATE <employees> SET version = version + 1 WHERE employee_id = 'ada'"));
            Employee current = stored.employee().orElseThrow();
            Employee renamed = current.revised(EmployeeDetails.named("Ada " + plan, ZoneOffset.UTC), NOW).orElseThrow();
            AttendanceRecord record = AttendanceRecord.first(nextDay.employeeId(), nextDay.date(),
                    AttendanceStatus.PRESENT, NOW);
            return Change.ofRecord(record, AuditEvent.created(record, ACTOR))
                    .withEmployee(renamed, EmployeeAuditEvent.updated(current, renamed, ACTOR));
        })).isInstanceOf(Conflict.class).hasMessageContaining("too many concurrent changes");

        assertThat(plans).hasValue(5);
        assertThat(DATABASE.employees().find(new EmployeeId("ada")).orElseThrow().name()).isEqualTo("Someone");
        assertThat(DATABASE.attendanceRecords().find(nextDay.employeeId(), nextDay.date())).isEmpty();
        assertThat(AuditHistories.of(DATABASE.auditTrail(), new EmployeeId("ada"))).hasSize(1);
    }

    @Test
    void closingCommitsWhatIsQueuedAndRefusesNewCalls() throws Exception {
        CountDownLatch release = holdTheCommitter();
        List<CompletableFuture<Change>> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(call(dayOf("late-" + i), firstRecord(dayOf("late-" + i))));
        }
        awaitQueued(4);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(days::close, callers);
        Thread.sleep(50);
        release.countDown();
        closing.get(30, TimeUnit.SECONDS);

        for (CompletableFuture<Change> call : queued) {
            assertThat(call.get(30, TimeUnit.SECONDS).record()).isPresent();
        }
        assertThatThrownBy(() -> days.apply(dayOf("after"), firstRecord(dayOf("after"))))
                .isInstanceOf(Unavailable.class);
    }
}
