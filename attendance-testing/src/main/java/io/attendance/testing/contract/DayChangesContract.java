package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.testing.AllAtOnce;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DayChanges} promises, run against the in-memory fake and the real adapter: a
 * change commits whole with its audit events or not at all, the plan sees what is stored, and
 * concurrent writers of the same day or employee each see the others' committed writes.
 */
public abstract class DayChangesContract {
    /** Microsecond precision: what PostgreSQL keeps of an instant. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final String ACTOR = "user:alice";
    private static final int WRITERS = 16;

    protected DayChanges days;
    protected Employees employees;
    protected AttendanceRecords records;
    protected AuditTrail audit;

    /** The port and the ports to read its writes back, over one store, as in production. */
    public record Stores(DayChanges days, Employees employees, AttendanceRecords records, AuditTrail audit) {
    }

    /** A store with no employee, record or audit event. */
    protected abstract Stores emptyStore();

    @BeforeEach
    void openEmptyStore() {
        Stores stores = emptyStore();
        days = stores.days();
        employees = stores.employees();
        records = stores.records();
        audit = stores.audit();
    }

    // ---------------------------------------------------------------- plans, as the use cases make them

    private static WorkDate later(int days) {
        return new WorkDate(DAY.value().plusDays(days));
    }

    private static AttendanceKey dayOf(EmployeeId employee, WorkDate date) {
        return new AttendanceKey(date, employee);
    }

    private static EmployeeDetails named(String name) {
        return EmployeeDetails.named(name, ZoneOffset.UTC);
    }

    /** The v1 create: the day must be new; the employee is created when unknown, renamed when the name differs. */
    private static Function<Stored, Change> firstRecord(AttendanceKey day, String name, AttendanceStatus status) {
        return stored -> {
            if (stored.record().isPresent()) {
                throw new Conflict("taken");
            }
            AttendanceRecord record = AttendanceRecord.first(day.employeeId(), day.date(), status, NOW);
            Change change = Change.ofRecord(record, AuditEvent.created(record, ACTOR));
            if (stored.employee().isEmpty()) {
                Employee created = Employee.first(day.employeeId(), named(name), NOW);
                return change.withEmployee(created, EmployeeAuditEvent.created(created, ACTOR));
            }
            Employee current = stored.employee().get();
            return current.revised(named(name), NOW)
                    .map(renamed -> change.withEmployee(renamed, EmployeeAuditEvent.updated(current, renamed, ACTOR)))
                    .orElse(change);
        };
    }

    /** A v2 PUT without a precondition: creates the record or revises what is stored. */
    private static Function<Stored, Change> upsert(AttendanceKey day, DayEntry entry) {
        return stored -> {
            if (stored.record().isEmpty()) {
                AttendanceRecord record = AttendanceRecord.first(day.employeeId(), day.date(), entry, NOW);
                return Change.ofRecord(record, AuditEvent.created(record, ACTOR));
            }
            AttendanceRecord current = stored.record().get();
            return current.revised(entry, NOW)
                    .map(next -> Change.ofRecord(next, AuditEvent.updated(current, next, ACTOR)))
                    .orElse(Change.NONE);
        };
    }

    private static DayEntry noted(String note) {
        return DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API).note(note).build();
    }

    // ---------------------------------------------------------------- one writer

    @Test
    void aFirstRecordOfANewEmployeeStoresBothWithTheirAuditEvents() {
        AttendanceKey day = dayOf(ADA, DAY);

        Change written = days.apply(day, firstRecord(day, "Ada Lovelace", AttendanceStatus.PRESENT));

        assertThat(employees.find(ADA)).contains(written.employee().orElseThrow().value());
        assertThat(records.find(ADA, DAY)).contains(written.record().orElseThrow().value());
        assertThat(AuditHistories.of(audit, ADA)).extracting(EmployeeAuditEvent::action).containsExactly(AuditAction.CREATED);
        assertThat(AuditHistories.of(audit, ADA, DAY)).containsExactly(written.record().orElseThrow().event());
    }

    @Test
    void everyValueOfARecordIsStoredAsWrittenWhateverItHolds() {
        AttendanceKey day = dayOf(ADA, DAY);
        days.apply(day, firstRecord(day, "Ada \"O'Brien\", {née} \\ Byron", AttendanceStatus.PRESENT));
        DayEntry full = DayEntry.of(AttendanceStatus.WORK_FROM_HOME, RecordSource.BATCH)
                .checkIn(Instant.parse("2026-11-27T08:30:00Z"))
                .checkOut(Instant.parse("2026-11-27T17:00:00.000001Z"))
                .note("Left at 16:30, dentist.\nBack \"Monday\"; it's O'Brien's\\shift {\"x\":1} NULL 100%_")
                .build();

        Change written = days.apply(day, upsert(day, full));

        assertThat(records.find(ADA, DAY)).contains(written.record().orElseThrow().value());
        assertThat(records.find(ADA, DAY).orElseThrow().entry()).isEqualTo(full);
        assertThat(employees.find(ADA).orElseThrow().name()).isEqualTo("Ada \"O'Brien\", {née} \\ Byron");
        assertThat(AuditHistories.of(audit, ADA, DAY).get(1)).isEqualTo(written.record().orElseThrow().event());
    }

    @Test
    void thePlanSeesTheStoredEmployeeAndRecord() {
        AttendanceKey day = dayOf(ADA, DAY);
        days.apply(day, firstRecord(day, "Ada", AttendanceStatus.PRESENT));
        AtomicReference<Stored> seen = new AtomicReference<>();

        days.apply(day, stored -> {
            seen.set(stored);
            return Change.NONE;
        });

        assertThat(seen.get().employee()).isEqualTo(employees.find(ADA));
        assertThat(seen.get().record()).isEqualTo(records.find(ADA, DAY));
        assertThat(days.apply(dayOf(new EmployeeId("nobody"), DAY), stored -> {
            assertThat(stored).isEqualTo(new Stored(Optional.empty(), Optional.empty()));
            return Change.NONE;
        })).isEqualTo(Change.NONE);
    }

    @Test
    void aRenameAndARevisionReplaceTheStoredVersions() {
        AttendanceKey first = dayOf(ADA, DAY);
        days.apply(first, firstRecord(first, "Ada", AttendanceStatus.PRESENT));
        AttendanceKey second = dayOf(ADA, later(1));

        days.apply(second, firstRecord(second, "Ada Lovelace", AttendanceStatus.ABSENT));
        days.apply(first, upsert(first, noted("dentist")));

        assertThat(employees.find(ADA).orElseThrow()).satisfies(employee -> {
            assertThat(employee.name()).isEqualTo("Ada Lovelace");
            assertThat(employee.version()).isEqualTo(2);
        });
        assertThat(AuditHistories.of(audit, ADA)).extracting(EmployeeAuditEvent::action)
                .containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        assertThat(records.find(ADA, DAY).orElseThrow().version()).isEqualTo(2);
        assertThat(AuditHistories.of(audit, ADA, DAY)).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
    }

    @Test
    void aPlanThatFailsWritesNothingAndItsExceptionReachesTheCaller() {
        AttendanceKey day = dayOf(ADA, DAY);
        ValidationFailed refusal = new ValidationFailed("name", "is required for a new employee");

        assertThatThrownBy(() -> days.apply(day, stored -> {
            throw refusal;
        })).isSameAs(refusal);
        days.apply(day, firstRecord(day, "Ada", AttendanceStatus.PRESENT));
        assertThatThrownBy(() -> days.apply(day, firstRecord(day, "Ada Lovelace", AttendanceStatus.ABSENT)))
                .isInstanceOf(Conflict.class);

        assertThat(employees.find(ADA).orElseThrow().name()).isEqualTo("Ada");
        assertThat(records.find(ADA, DAY).orElseThrow().status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(AuditHistories.of(audit, ADA)).hasSize(1);
        assertThat(AuditHistories.of(audit, ADA, DAY)).hasSize(1);
    }

    @Test
    void aChangeOfAnotherDayOrAVersionThatDoesNotFollowIsRefusedAndNothingIsWritten() {
        AttendanceKey day = dayOf(ADA, DAY);
        AttendanceKey otherDay = dayOf(ADA, later(1));

        assertThatThrownBy(() -> days.apply(day, firstRecord(otherDay, "Ada", AttendanceStatus.PRESENT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days.apply(day, stored -> {
            AttendanceRecord second = AttendanceRecord.first(ADA, DAY, AttendanceStatus.PRESENT, NOW)
                    .revised(noted("x"), NOW).orElseThrow();
            return Change.ofRecord(second, AuditEvent.created(second, ACTOR));
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(employees.find(ADA)).isEmpty();
        assertThat(records.find(ADA, DAY)).isEmpty();
        assertThat(records.find(ADA, otherDay.date())).isEmpty();
    }

    // ---------------------------------------------------------------- many days at once

    private static List<AttendanceKey> daysOf(String employee, int count) {
        List<AttendanceKey> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(dayOf(new EmployeeId(employee), later(i)));
        }
        return days;
    }

    /** Upserts every day with {@code entry}; the plan sees the days in their order. */
    private static Function<List<Stored>, List<Change>> upsertAll(List<AttendanceKey> days, DayEntry entry) {
        return stored -> {
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                changes.add(upsert(days.get(i), entry).apply(stored.get(i)));
            }
            return changes;
        };
    }

    @Test
    void manyDaysAreWrittenTogetherInTheirOrder() {
        AttendanceKey first = dayOf(ADA, DAY);
        days.apply(first, firstRecord(first, "Ada", AttendanceStatus.PRESENT));
        List<AttendanceKey> batch = daysOf("E-1", 3);

        List<Change> written = days.applyAll(batch, upsertAll(batch, noted("batch")));

        assertThat(written).hasSize(3);
        assertThat(written.get(0).record().orElseThrow().value().version()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            assertThat(records.find(ADA, later(i))).contains(written.get(i).record().orElseThrow().value());
        }
        assertThat(AuditHistories.of(audit, ADA, DAY)).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
    }

    @Test
    void manyDaysAreWrittenAllOrNone() {
        days.apply(dayOf(ADA, DAY), firstRecord(dayOf(ADA, DAY), "Ada", AttendanceStatus.PRESENT));
        List<AttendanceKey> batch = daysOf("E-1", 3);
        ValidationFailed refusal = new ValidationFailed("[2].status", "is not known");

        assertThatThrownBy(() -> days.applyAll(batch, stored -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThatThrownBy(() -> days.applyAll(batch, stored -> {
            List<Change> changes = new ArrayList<>(upsertAll(batch, noted("batch")).apply(stored));
            changes.set(2, changes.get(1));
            return changes;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days.applyAll(List.of(batch.get(0), batch.get(0)), stored -> List.of(Change.NONE, Change.NONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days.applyAll(batch, stored -> List.of(Change.NONE)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(records.find(ADA, DAY).orElseThrow().version()).isEqualTo(1);
        assertThat(records.find(ADA, later(1))).isEmpty();
        assertThat(AuditHistories.of(audit, ADA, DAY)).hasSize(1);
    }

    @Test
    void batchesOverTheSameDaysInOppositeOrdersAllLand() throws Exception {
        int dayCount = 40;
        int rounds = 5;
        days.apply(dayOf(ADA, DAY), firstRecord(dayOf(ADA, DAY), "Ada", AttendanceStatus.PRESENT));
        List<AttendanceKey> forward = daysOf("E-1", dayCount);
        List<AttendanceKey> backward = new ArrayList<>(forward);
        Collections.reverse(backward);

        List<Object> outcomes = AllAtOnce.outcomes(4, writer -> () -> {
            List<AttendanceKey> order = writer % 2 == 0 ? forward : backward;
            for (int round = 0; round < rounds; round++) {
                days.applyAll(order, upsertAll(order, noted("writer " + writer + " round " + round)));
            }
            return "done";
        });

        assertThat(outcomes).containsOnly("done");
        assertThat(records.find(ADA, later(dayCount - 1)).orElseThrow().version()).isEqualTo(4 * rounds);
        assertThat(AuditHistories.of(audit, ADA, later(dayCount - 1))).hasSize(4 * rounds);
    }

    // ---------------------------------------------------------------- concurrent writers

    @Test
    void ofConcurrentFirstRecordsOfOneDayExactlyOneIsWrittenAndTheOthersSeeIt() throws Exception {
        AttendanceKey day = dayOf(ADA, DAY);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS,
                i -> () -> days.apply(day, firstRecord(day, "Ada " + i, AttendanceStatus.PRESENT)));

        assertThat(outcomes).filteredOn(Change.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Conflict.class::isInstance).hasSize(WRITERS - 1);
        assertThat(AuditHistories.of(audit, ADA, DAY)).hasSize(1);
        assertThat(AuditHistories.of(audit, ADA)).hasSize(1);
    }

    @Test
    void concurrentFirstRecordsOfANewEmployeeCreateItOnceAndAllLand() throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, i -> () -> {
            AttendanceKey day = dayOf(ADA, later(i));
            return days.apply(day, firstRecord(day, "Ada", AttendanceStatus.PRESENT));
        });

        assertThat(outcomes).allMatch(Change.class::isInstance);
        assertThat(employees.find(ADA).orElseThrow().version()).isEqualTo(1);
        assertThat(AuditHistories.of(audit, ADA)).extracting(EmployeeAuditEvent::action).containsExactly(AuditAction.CREATED);
        for (int i = 0; i < WRITERS; i++) {
            assertThat(records.find(ADA, later(i))).isPresent();
        }
    }

    @Test
    void concurrentRevisionsOfOneRecordAreAllAppliedOneAfterTheOther() throws Exception {
        AttendanceKey day = dayOf(ADA, DAY);
        days.apply(day, firstRecord(day, "Ada", AttendanceStatus.PRESENT));

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, i -> () -> days.apply(day, upsert(day, noted("n" + i))));

        assertThat(outcomes).allMatch(Change.class::isInstance);
        assertThat(records.find(ADA, DAY).orElseThrow().version()).isEqualTo(1 + WRITERS);
        List<Long> versions = new ArrayList<>();
        for (AuditEvent event : AuditHistories.of(audit, ADA, DAY)) {
            versions.add(event.after().orElseThrow().version());
        }
        assertThat(versions).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 1 + WRITERS).boxed().toList());
    }

    @Test
    void concurrentWritersOfManyDaysAllLand() throws Exception {
        int employeesCount = 8;
        List<Object> outcomes = AllAtOnce.outcomes(WRITERS * 2, i -> () -> {
            List<Change> written = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                AttendanceKey day = dayOf(new EmployeeId("E-" + (i % employeesCount)), later(i * 10 + n));
                written.add(days.apply(day, firstRecord(day, "Emp " + (i % employeesCount), AttendanceStatus.PRESENT)));
            }
            return written;
        });

        assertThat(outcomes).allMatch(List.class::isInstance);
        for (int e = 0; e < employeesCount; e++) {
            EmployeeId id = new EmployeeId("E-" + e);
            assertThat(AuditHistories.of(audit, id)).hasSize(1);
            assertThat(records.ofEmployee(id, DAY, later(WRITERS * 20))).hasSize(WRITERS * 2 / employeesCount * 10);
        }
    }
}
