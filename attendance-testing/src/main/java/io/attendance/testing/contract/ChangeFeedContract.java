package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Transactions;
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
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.ChangeFeed.ChangedEmployees;
import io.attendance.domain.port.ChangeFeed.RecordChanges;
import io.attendance.domain.port.DayChanges.Change;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChangeFeed} promises, run against the in-memory fake and the real adapter: every
 * committed change is read exactly once by a reader that goes on from where it stopped, deletions
 * included, in the order they were made, and a rolled-back change is never read.
 */
public abstract class ChangeFeedContract {
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId GRACE = new EmployeeId("E-2");
    private static final String ACTOR = "user:alice";

    protected ChangeFeed feed;
    protected DayChanges days;
    protected Transactions transactions;
    protected Employees employees;
    protected AttendanceRecords records;
    protected AuditTrail audit;

    /** The feed and the ports that write what it reads, over one store. */
    public record Stores(ChangeFeed feed, DayChanges days, Transactions transactions, Employees employees,
                         AttendanceRecords records, AuditTrail audit) {
    }

    /** A store with no employee, record or audit event. */
    protected abstract Stores emptyStore();

    @BeforeEach
    void openEmptyStore() {
        Stores stores = emptyStore();
        feed = stores.feed();
        days = stores.days();
        transactions = stores.transactions();
        employees = stores.employees();
        records = stores.records();
        audit = stores.audit();
    }

    private AttendanceRecord record(EmployeeId employee, WorkDate date, AttendanceStatus status) {
        AttendanceKey day = new AttendanceKey(date, employee);
        return days.apply(day, stored -> {
            AttendanceRecord next = stored.record()
                    .map(current -> current.revised(DayEntry.statusOnly(status, RecordSource.API), NOW).orElseThrow())
                    .orElseGet(() -> AttendanceRecord.first(employee, date, status, NOW));
            Change change = Change.ofRecord(next, stored.record()
                    .map(current -> AuditEvent.updated(current, next, ACTOR))
                    .orElseGet(() -> AuditEvent.created(next, ACTOR)));
            if (stored.employee().isEmpty()) {
                Employee created = Employee.first(employee, EmployeeDetails.named("Someone", ZoneOffset.UTC), NOW);
                return change.withEmployee(created, EmployeeAuditEvent.created(created, ACTOR));
            }
            return change;
        }).record().orElseThrow().value();
    }

    private void delete(AttendanceRecord record) {
        transactions.runInTransaction(() -> {
            assertThat(records.remove(record.employeeId(), record.date(), record.version())).isTrue();
            audit.append(AuditEvent.deleted(record, NOW, ACTOR));
        });
    }

    private static WorkDate later(int days) {
        return new WorkDate(DAY.value().plusDays(days));
    }

    /** Everything after {@code from}, read in pages of {@code limit}, and where the reading stopped. */
    private List<AuditEvent> readAll(FeedPosition from, int limit, List<FeedPosition> stops) {
        List<AuditEvent> events = new ArrayList<>();
        FeedPosition at = from;
        RecordChanges page;
        do {
            page = feed.recordChangesAfter(at, limit);
            assertThat(page.events()).hasSizeLessThanOrEqualTo(limit);
            assertThat(page.next()).isGreaterThanOrEqualTo(at);
            events.addAll(page.events());
            at = page.next();
        } while (page.full());
        stops.add(at);
        return events;
    }

    @Test
    void anEmptyStoreHasNoChangesAndTheReaderStaysAtOrAfterWhereItWas() {
        RecordChanges page = feed.recordChangesAfter(FeedPosition.START, 10);

        assertThat(page.events()).isEmpty();
        assertThat(page.full()).isFalse();
        assertThat(feed.recordChangesAfter(page.next(), 10).events()).isEmpty();
        assertThat(feed.employeesChangedAfter(FeedPosition.START, 10))
                .satisfies(changed -> assertThat(changed.employees()).isEmpty())
                .satisfies(changed -> assertThat(changed.tooMany()).isFalse());
    }

    @Test
    void creationsUpdatesAndDeletionsAreReadOnceInTheOrderTheyWereMadeWhateverThePageSize() {
        AttendanceRecord first = record(ADA, DAY, AttendanceStatus.PRESENT);
        record(GRACE, DAY, AttendanceStatus.ABSENT);
        AttendanceRecord revised = record(ADA, DAY, AttendanceStatus.HALF_DAY);
        delete(revised);
        record(ADA, later(1), AttendanceStatus.PRESENT);

        for (int limit : new int[] {1, 2, 3, 5, 100}) {
            List<AuditEvent> events = readAll(FeedPosition.START, limit, new ArrayList<>());

            assertThat(events).extracting(AuditEvent::employeeId, AuditEvent::date, AuditEvent::action).containsExactly(
                    tuple(ADA, DAY, AuditAction.CREATED),
                    tuple(GRACE, DAY, AuditAction.CREATED),
                    tuple(ADA, DAY, AuditAction.UPDATED),
                    tuple(ADA, DAY, AuditAction.DELETED),
                    tuple(ADA, later(1), AuditAction.CREATED));
            assertThat(events.get(0).after()).contains(first);
            assertThat(events.get(3).before()).contains(revised);
            assertThat(events.get(3).after()).isEmpty();
        }
    }

    @Test
    void aReaderThatGoesOnFromWhereItStoppedGetsEachLaterChangeExactlyOnce() {
        record(ADA, DAY, AttendanceStatus.PRESENT);
        List<FeedPosition> stops = new ArrayList<>();
        List<AuditEvent> seen = new ArrayList<>(readAll(FeedPosition.START, 2, stops));

        record(GRACE, DAY, AttendanceStatus.ABSENT);
        seen.addAll(readAll(stops.get(0), 2, stops));
        seen.addAll(readAll(stops.get(1), 2, stops));
        AttendanceRecord revised = record(GRACE, DAY, AttendanceStatus.HALF_DAY);
        record(ADA, later(1), AttendanceStatus.ABSENT);
        seen.addAll(readAll(stops.get(2), 1, stops));

        assertThat(seen).hasSize(4);
        assertThat(seen.get(2).after()).contains(revised);
        assertThat(feed.recordChangesAfter(stops.get(3), 10).events()).isEmpty();
        assertThat(stops).isSorted();
    }

    @Test
    void aRolledBackChangeIsNeverRead() {
        record(ADA, DAY, AttendanceStatus.PRESENT);
        List<FeedPosition> stops = new ArrayList<>();
        readAll(FeedPosition.START, 10, stops);
        FeedPosition stop = stops.get(0);
        FeedPosition employeesStop = feed.employeesChangedAfter(FeedPosition.START, 10).next();
        AttendanceRecord stored = records.find(ADA, DAY).orElseThrow();

        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            records.remove(ADA, DAY, stored.version());
            audit.append(AuditEvent.deleted(stored, NOW, ACTOR));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(feed.recordChangesAfter(stop, 10).events()).isEmpty();
        assertThat(feed.employeesChangedAfter(employeesStop, 10).employees()).isEmpty();
    }

    @Test
    void theEmployeesChangedAreThoseOfRecordChangesAndOfEmployeeChanges() {
        record(ADA, DAY, AttendanceStatus.PRESENT);
        ChangedEmployees before = feed.employeesChangedAfter(FeedPosition.START, 10);
        assertThat(before.employees()).containsExactly(ADA);

        Employee ada = employees.find(ADA).orElseThrow();
        Employee renamed = ada.revised(EmployeeDetails.named("Ada Lovelace", ZoneOffset.UTC), NOW).orElseThrow();
        transactions.runInTransaction(() -> {
            assertThat(employees.replace(renamed, ada.version())).isTrue();
            audit.append(EmployeeAuditEvent.updated(ada, renamed, ACTOR));
        });
        ChangedEmployees renaming = feed.employeesChangedAfter(before.next(), 10);
        record(GRACE, DAY, AttendanceStatus.ABSENT);
        record(GRACE, later(1), AttendanceStatus.ABSENT);
        ChangedEmployees grace = feed.employeesChangedAfter(renaming.next(), 10);

        assertThat(renaming.employees()).containsExactly(ADA);
        assertThat(grace.employees()).containsExactly(GRACE);
        assertThat(feed.employeesChangedAfter(grace.next(), 10).employees()).isEmpty();
        assertThat(feed.employeesChangedAfter(FeedPosition.START, 10).employees()).containsExactlyInAnyOrder(ADA, GRACE);
    }

    @Test
    void moreChangedEmployeesThanAskedForAreReportedAsTooManyAndTheReaderStillMovesOn() {
        for (int i = 0; i < 5; i++) {
            record(new EmployeeId("E-" + i), DAY, AttendanceStatus.PRESENT);
        }

        ChangedEmployees changed = feed.employeesChangedAfter(FeedPosition.START, 4);

        assertThat(changed.tooMany()).isTrue();
        assertThat(changed.employees()).isEmpty();
        assertThat(feed.employeesChangedAfter(changed.next(), 4).employees()).isEmpty();
        assertThat(feed.employeesChangedAfter(FeedPosition.START, 5).employees()).hasSize(5);
    }

    @Test
    void theHorizonIsPastEveryChangeMadeBeforeItAndBeforeEveryChangeMadeAfter() {
        record(ADA, DAY, AttendanceStatus.PRESENT);
        FeedPosition horizon = feed.horizon();

        assertThat(feed.recordChangesAfter(horizon, 10).events()).isEmpty();
        assertThat(feed.employeesChangedAfter(horizon, 10).employees()).isEmpty();
        record(GRACE, DAY, AttendanceStatus.ABSENT);
        assertThat(feed.recordChangesAfter(horizon, 10).events()).extracting(AuditEvent::employeeId).containsExactly(GRACE);
        assertThat(feed.employeesChangedAfter(horizon, 10).employees()).containsExactly(GRACE);
        assertThat(feed.horizon()).isGreaterThan(horizon);
    }

    @Test
    void aReadAsksForAtLeastOneChange() {
        assertThatThrownBy(() -> feed.recordChangesAfter(FeedPosition.START, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.employeesChangedAfter(FeedPosition.START, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
