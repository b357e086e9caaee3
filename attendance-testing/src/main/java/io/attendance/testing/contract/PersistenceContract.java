package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.NotFound;
import io.attendance.testing.AllAtOnce;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.RecordSeeding;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link Employees}, {@link AttendanceRecords}, {@link AuditTrail} and
 * {@link Transactions} promises. Run against the in-memory fakes and against the real adapter, so
 * the fakes used by the use-case tests cannot drift from reality. Records are written as the service
 * writes them, through {@link DayChanges} (whose own promises are {@link DayChangesContract}'s).
 */
public abstract class PersistenceContract {
    /** Microsecond precision: what PostgreSQL keeps of an instant. */
    protected static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-11-28T17:45:10.654321Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final int WRITERS = 8;
    /**
     * Ids that a database orders differently from the domain unless it compares them byte by byte
     * (COLLATE "C"): case, punctuation and digits in all the places a locale-aware collation reorders.
     */
    private static final List<String> COLLATION_SENSITIVE_IDS =
            List.of("a", "B", "_z", "-1", "A.2", "a_b", "ab", "a-c", "Z9", "0", "b");

    protected Employees employees;
    protected AttendanceRecords records;
    protected Transactions transactions;
    protected AuditTrail audit;
    protected DayChanges days;

    /** The ports over one empty store, sharing its state as in production. */
    public record Ports(Employees employees, AttendanceRecords records, Transactions transactions, AuditTrail audit,
            DayChanges days) {
    }

    /** Five ports over a store with no employee, record or audit event. */
    protected abstract Ports emptyStore();

    @BeforeEach
    void openEmptyStore() {
        Ports ports = emptyStore();
        employees = ports.employees();
        records = ports.records();
        transactions = ports.transactions();
        audit = ports.audit();
        days = ports.days();
    }

    // ---------------------------------------------------------------- test data

    private static Employee employee(String id, String name, String department, String zone, boolean active) {
        return Employee.first(new EmployeeId(id),
                new EmployeeDetails(name, Optional.ofNullable(department), ZoneId.of(zone), active), NOW);
    }

    private static Employee ada() {
        return employee("E-1", "Ada Lovelace", "Engineering", "Europe/London", true);
    }

    private static Employee bob() {
        return employee("B-2", "Bob", null, "UTC", true);
    }

    private Employee stored(Employee employee) {
        employees.add(employee);
        return employee;
    }

    /** Every optional field present, with text that breaks naive escaping. */
    private static DayEntry fullEntry() {
        return DayEntry.of(AttendanceStatus.PRESENT, RecordSource.BATCH)
                .checkIn(Instant.parse("2026-11-27T07:59:59.000001Z"))
                .checkOut(Instant.parse("2026-11-27T16:30:00.999999Z"))
                .note("Left at 16:30 – dentist.\nBack \"Monday\"; it's O'Brien's\\shift {\"x\":1} 100%_")
                .build();
    }

    private static DayEntry statusOnly(AttendanceStatus status) {
        return DayEntry.statusOnly(status, RecordSource.API);
    }

    private static AttendanceRecord recordOf(Employee employee, WorkDate date, AttendanceStatus status) {
        return AttendanceRecord.first(employee.id(), date, statusOnly(status), NOW);
    }

    private AttendanceRecord storedRecord(Employee employee, WorkDate date, AttendanceStatus status) {
        return written(recordOf(employee, date, status));
    }

    private AttendanceRecord written(AttendanceRecord record) {
        return RecordSeeding.written(days, record);
    }

    private static DayEntry noted(String note) {
        return DayEntry.of(AttendanceStatus.WORK_FROM_HOME, RecordSource.API).note(note).build();
    }

    private static AttendanceQuery range(WorkDate from, WorkDate to) {
        return new AttendanceQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static EmployeeQuery employeesWhere(String department, Boolean active, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.ofNullable(active), Optional.ofNullable(namePrefix));
    }

    /** Runs {@code writers} attempts at once, each in its own thread and unit of work; counts those that return true. */
    private int winnersAmong(int writers, IntFunction<Supplier<Boolean>> attempt) throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(writers, i -> () -> transactions.inTransaction(attempt.apply(i)));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Boolean.class));
        return (int) outcomes.stream().filter(Boolean.TRUE::equals).count();
    }

    /** Every item, fetched page by page with {@code limit}, each page starting after the last item of the one before. */
    private static <T, P> List<T> walk(int limit, BiFunction<Optional<P>, Integer, List<T>> page, Function<T, P> position) {
        List<T> seen = new ArrayList<>();
        Optional<P> after = Optional.empty();
        while (true) {
            List<T> items = page.apply(after, limit);
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(items);
            if (items.size() < limit) {
                return seen;
            }
            after = Optional.of(position.apply(items.get(items.size() - 1)));
            assertThat(seen).as("pagination must end").hasSizeLessThan(10_000);
        }
    }

    /** Walking the pages with every small limit, and with one that takes everything, shows {@code expected} exactly. */
    private static <T, P> void assertPagesShow(List<T> expected, BiFunction<Optional<P>, Integer, List<T>> page,
            Function<T, P> position) {
        for (int limit : List.of(1, 2, 3, 4, 5, 1000)) {
            assertThat(walk(limit, page, position)).as("limit %d", limit).containsExactlyElementsOf(expected);
        }
    }

    // ---------------------------------------------------------------- employees

    @Test
    void anAddedEmployeeIsFoundExactlyAsStored() {
        Employee inactive = stored(employee("E-9", "Grace Hopper", "Navy R&D", "America/New_York", false));
        stored(bob());

        assertThat(employees.find(inactive.id())).contains(inactive);
        assertThat(employees.find(bob().id())).contains(bob());
        assertThat(employees.find(new EmployeeId("nobody"))).isEmpty();
    }

    @Test
    void addingAnEmployeeWhoseIdExistsIsAConflictAndKeepsTheFirst() {
        stored(ada());

        assertThatThrownBy(() -> employees.add(employee("E-1", "Someone Else", null, "UTC", false)))
                .isInstanceOf(Conflict.class);
        assertThat(employees.find(ada().id())).contains(ada());
    }

    @Test
    void replacingAnEmployeeAtTheStoredVersionStoresTheNextVersion() {
        Employee stored = stored(ada());
        Employee revised = stored.revised(
                new EmployeeDetails("Ada King", Optional.empty(), ZoneId.of("Asia/Tokyo"), false), LATER).orElseThrow();

        assertThat(employees.replace(revised, 1)).isTrue();

        assertThat(employees.find(ada().id())).contains(revised);
        assertThat(revised.version()).isEqualTo(2);
    }

    @Test
    void replacingAnEmployeeAtAnOlderVersionReturnsFalseAndChangesNothing() {
        Employee stored = stored(ada());
        Employee second = stored.revised(stored.details().renamed("Ada King"), LATER).orElseThrow();
        employees.replace(second, 1);

        Employee stale = stored.revised(stored.details().renamed("Lady Lovelace"), LATER).orElseThrow();

        assertThat(employees.replace(stale, 1)).isFalse();
        assertThat(employees.find(ada().id())).contains(second);
    }

    @Test
    void replacingAnAbsentEmployeeReturnsFalseAndCreatesNothing() {
        Employee ghost = ada().revised(ada().details().renamed("Ghost"), LATER).orElseThrow();

        assertThat(employees.replace(ghost, 1)).isFalse();
        assertThat(employees.find(ada().id())).isEmpty();
    }

    @Test
    void concurrentEmployeeReplacesAtTheSameVersionLetExactlyOneWin() throws Exception {
        Employee stored = stored(ada());

        int winners = winnersAmong(WRITERS, i -> () -> employees.replace(
                stored.revised(stored.details().renamed("Writer " + i), LATER).orElseThrow(), 1));

        assertThat(winners).isEqualTo(1);
        assertThat(employees.find(ada().id())).hasValueSatisfying(found -> {
            assertThat(found.version()).isEqualTo(2);
            assertThat(found.name()).startsWith("Writer ");
        });
    }

    @Test
    void timeZonesAndAnAbsentDepartmentSurviveTheRoundTrip() {
        List<String> zones = List.of("UTC", "Europe/Paris", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham",
                "Australia/Lord_Howe", "Etc/GMT+12", "America/Argentina/Buenos_Aires");
        List<Employee> added = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            added.add(stored(employee("Z-" + i, "Zoned " + i, i % 2 == 0 ? null : "Dept " + i, zones.get(i), i % 3 != 0)));
        }

        for (Employee employee : added) {
            assertThat(employees.find(employee.id())).contains(employee);
            assertThat(employees.find(employee.id()).orElseThrow().timezone().getId()).isEqualTo(employee.timezone().getId());
        }
    }

    @Test
    void employeeInstantsSurviveTheRoundTripToTheMicrosecond() {
        Employee stored = stored(Employee.first(ada().id(), ada().details(), Instant.parse("1970-01-01T00:00:00.000001Z")));
        Employee revised = stored.revised(stored.details().inactive(), Instant.parse("2099-12-31T23:59:59.999999Z")).orElseThrow();
        employees.replace(revised, 1);

        Employee found = employees.find(ada().id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(Instant.parse("1970-01-01T00:00:00.000001Z"));
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2099-12-31T23:59:59.999999Z"));
    }

    @Test
    void employeeTextThatLooksLikeSqlIsStoredLiterally() {
        Employee sneaky = stored(employee("x", "x' OR '1'='1; DROP TABLE employees; -- \\ $$ %_",
                "'); DELETE FROM attendance_records; --", "UTC", true));

        assertThat(employees.find(sneaky.id())).contains(sneaky);
        assertThat(employees.list(employeesWhere("'); DELETE FROM attendance_records; --", null, "X' or"),
                Optional.empty(), 10)).containsExactly(sneaky);
    }

    @Test
    void theEmployeeListShowsEveryoneByIdUpToTheLimit() {
        Employee carol = stored(employee("C-3", "Carol", "Sales", "UTC", false));
        stored(ada());
        stored(bob());

        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.empty(), 10)).containsExactly(bob(), carol, ada());
        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.empty(), 2)).containsExactly(bob(), carol);
        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.of(carol.id()), 10)).containsExactly(ada());
        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.of(new EmployeeId("C")), 10)).containsExactly(carol, ada());
        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.of(ada().id()), 10)).isEmpty();
    }

    @Test
    void theEmployeeListFiltersByEachCriterionAloneAndCombined() {
        Employee ada = stored(employee("E-1", "Ada Lovelace", "Engineering", "UTC", true));
        Employee adam = stored(employee("E-2", "adam smith", "Engineering", "UTC", false));
        Employee adele = stored(employee("E-3", "ADELE", "Sales", "UTC", true));
        Employee bob = stored(employee("E-4", "Bob Adams", null, "UTC", true));
        Employee eng = stored(employee("E-5", "Engineer", "engineering", "UTC", true));

        assertThat(employees.list(employeesWhere("Engineering", null, null), Optional.empty(), 10))
                .as("department, exactly").containsExactly(ada, adam);
        assertThat(employees.list(employeesWhere(null, true, null), Optional.empty(), 10))
                .as("active").containsExactly(ada, adele, bob, eng);
        assertThat(employees.list(employeesWhere(null, false, null), Optional.empty(), 10))
                .as("inactive").containsExactly(adam);
        assertThat(employees.list(employeesWhere(null, null, "ad"), Optional.empty(), 10))
                .as("name prefix, ignoring case").containsExactly(ada, adam, adele);
        assertThat(employees.list(employeesWhere(null, null, "ADA"), Optional.empty(), 10))
                .as("name prefix, upper case").containsExactly(ada, adam);
        assertThat(employees.list(employeesWhere(null, null, "Ada Lovelace"), Optional.empty(), 10))
                .as("a whole name is a prefix").containsExactly(ada);
        assertThat(employees.list(employeesWhere("Engineering", true, "a"), Optional.empty(), 10))
                .as("all three").containsExactly(ada);
        assertThat(employees.list(employeesWhere("Engineering", false, "b"), Optional.empty(), 10))
                .as("nothing matches").isEmpty();
        assertThat(employees.list(employeesWhere("Sales", true, null), Optional.of(adele.id()), 10))
                .as("filters and a position").isEmpty();
    }

    @Test
    void aNamePrefixMatchesItsWildcardLookingCharactersLiterally() {
        Employee underscore = stored(employee("E-1", "A_b", null, "UTC", true));
        stored(employee("E-2", "Axb", null, "UTC", true));
        Employee percent = stored(employee("E-3", "100% sure", null, "UTC", true));
        stored(employee("E-4", "1000 sure", null, "UTC", true));
        Employee backslash = stored(employee("E-5", "C\\D", null, "UTC", true));
        stored(employee("E-6", "CD", null, "UTC", true));

        assertThat(employees.list(employeesWhere(null, null, "a_"), Optional.empty(), 10)).containsExactly(underscore);
        assertThat(employees.list(employeesWhere(null, null, "100%"), Optional.empty(), 10)).containsExactly(percent);
        assertThat(employees.list(employeesWhere(null, null, "c\\"), Optional.empty(), 10)).containsExactly(backslash);
        assertThat(employees.list(employeesWhere(null, null, "%"), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void walkingTheEmployeeListPageByPageShowsEveryMatchOnceInOrder() {
        List<Employee> active = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            Employee employee = stored(employee(String.format("E-%02d", i), "Person " + i, "Ops", "UTC", i % 4 != 0));
            if (employee.active()) {
                active.add(employee);
            }
        }
        EmployeeQuery activeOnly = employeesWhere("Ops", true, "person");

        assertPagesShow(active, (after, size) -> employees.list(activeOnly, after, size), Employee::id);
    }

    @Test
    void employeesAreListedInTheOrderTheDomainGivesTheirIds() {
        COLLATION_SENSITIVE_IDS.forEach(id -> stored(employee(id, "Person " + id, null, "UTC", true)));
        List<EmployeeId> expected = COLLATION_SENSITIVE_IDS.stream().map(EmployeeId::new).sorted().toList();

        assertThat(employees.list(EmployeeQuery.EVERYONE, Optional.empty(), 100)).extracting(Employee::id)
                .containsExactlyElementsOf(expected);
        assertThat(walk(2, (after, size) -> employees.list(EmployeeQuery.EVERYONE, after, size), Employee::id))
                .extracting(Employee::id).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- records

    @Test
    void aWrittenRecordIsFoundExactlyAsStoredWithEveryOptionalFieldPresentOrAbsent() {
        stored(ada());
        AttendanceRecord full = AttendanceRecord.first(ada().id(), DAY, fullEntry(), NOW);
        AttendanceRecord bare = recordOf(ada(), WorkDate.of(2026, 11, 28), AttendanceStatus.ABSENT);
        AttendanceRecord checkInOnly = AttendanceRecord.first(ada().id(), WorkDate.of(2026, 11, 29),
                DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.V1)
                        .checkIn(NOW)
                        .build(), NOW);
        AttendanceRecord checkOutOnly = AttendanceRecord.first(ada().id(), WorkDate.of(2026, 11, 30),
                DayEntry.of(AttendanceStatus.WORK_FROM_HOME, RecordSource.API)
                        .checkOut(LATER)
                        .note("x")
                        .build(), NOW);
        List.of(full, bare, checkInOnly, checkOutOnly).forEach(this::written);

        assertThat(records.find(ada().id(), DAY)).contains(full);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 28))).contains(bare);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 29))).contains(checkInOnly);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 30))).contains(checkOutOnly);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 12, 1))).isEmpty();
        assertThat(records.find(bob().id(), DAY)).isEmpty();
    }

    @Test
    void aRevisedRecordIsFoundAsRevised() {
        stored(ada());
        AttendanceRecord first = storedRecord(ada(), DAY, AttendanceStatus.ABSENT);
        AttendanceRecord revised = written(first.revised(fullEntry(), LATER).orElseThrow());

        assertThat(records.find(ada().id(), DAY)).contains(revised);
        AttendanceRecord bare = written(revised.revised(statusOnly(AttendanceStatus.HOLIDAY), LATER).orElseThrow());
        assertThat(records.find(ada().id(), DAY)).as("optional fields cleared").contains(bare);
    }

    @Test
    void removingARecordAtTheStoredVersionDeletesOnlyThatRecord() {
        stored(ada());
        stored(bob());
        AttendanceRecord first = storedRecord(ada(), DAY, AttendanceStatus.ABSENT);
        written(first.revised(noted("second"), LATER).orElseThrow());
        AttendanceRecord otherDay = storedRecord(ada(), WorkDate.of(2026, 11, 28), AttendanceStatus.PRESENT);
        AttendanceRecord otherEmployee = storedRecord(bob(), DAY, AttendanceStatus.PRESENT);

        assertThat(records.remove(ada().id(), DAY, 2)).isTrue();

        assertThat(records.find(ada().id(), DAY)).isEmpty();
        assertThat(records.find(ada().id(), otherDay.date())).contains(otherDay);
        assertThat(records.find(bob().id(), DAY)).contains(otherEmployee);
        assertThat(employees.find(ada().id())).contains(ada());
    }

    @Test
    void removingARecordAtAnotherVersionReturnsFalseAndKeepsIt() {
        stored(ada());
        AttendanceRecord first = storedRecord(ada(), DAY, AttendanceStatus.ABSENT);

        assertThat(records.remove(ada().id(), DAY, 2)).isFalse();
        assertThat(records.remove(ada().id(), DAY, 0)).isFalse();
        assertThat(records.find(ada().id(), DAY)).contains(first);
    }

    @Test
    void removingAnAbsentRecordReturnsFalse() {
        stored(ada());

        assertThat(records.remove(ada().id(), DAY, 1)).isFalse();
        assertThat(records.remove(new EmployeeId("nobody"), DAY, 1)).isFalse();
    }

    @Test
    void aRemovedRecordMayBeWrittenAgain() {
        stored(ada());
        storedRecord(ada(), DAY, AttendanceStatus.ABSENT);
        records.remove(ada().id(), DAY, 1);

        AttendanceRecord again = written(AttendanceRecord.first(ada().id(), DAY, fullEntry(), LATER));

        assertThat(records.find(ada().id(), DAY)).contains(again);
    }

    @Test
    void concurrentRemovesAtTheSameVersionLetExactlyOneWin() throws Exception {
        stored(ada());
        storedRecord(ada(), DAY, AttendanceStatus.ABSENT);

        int winners = winnersAmong(WRITERS, i -> () -> records.remove(ada().id(), DAY, 1));

        assertThat(winners).isEqualTo(1);
        assertThat(records.find(ada().id(), DAY)).isEmpty();
    }

    @Test
    void anEmployeesRecordsInARangeComeByDateBothEndsIncluded() {
        stored(ada());
        stored(bob());
        AttendanceRecord d3 = storedRecord(ada(), WorkDate.of(2026, 11, 3), AttendanceStatus.PRESENT);
        AttendanceRecord d1 = storedRecord(ada(), WorkDate.of(2026, 11, 1), AttendanceStatus.ABSENT);
        storedRecord(ada(), WorkDate.of(2026, 10, 31), AttendanceStatus.HOLIDAY);
        AttendanceRecord d2 = storedRecord(ada(), WorkDate.of(2026, 11, 2), AttendanceStatus.ON_LEAVE);
        storedRecord(ada(), WorkDate.of(2026, 11, 4), AttendanceStatus.PRESENT);
        storedRecord(bob(), WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT);

        assertThat(records.ofEmployee(ada().id(), WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 3)))
                .containsExactly(d1, d2, d3);
        assertThat(records.ofEmployee(ada().id(), WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 2)))
                .containsExactly(d2);
        assertThat(records.ofEmployee(ada().id(), WorkDate.of(2026, 12, 1), WorkDate.of(2026, 12, 31))).isEmpty();
        assertThat(records.ofEmployee(new EmployeeId("nobody"), WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 3)))
                .isEmpty();
    }

    @Test
    void theLatestRecordIsTheOneWithTheLatestWorkDateNotTheLastWritten() {
        stored(ada());
        AttendanceRecord later = storedRecord(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.ABSENT);
        storedRecord(ada(), WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT);

        assertThat(records.latestOf(ada().id())).contains(new EmployeeAttendance(ada(), later));
        assertThat(records.latestOf(new EmployeeId("nobody"))).isEmpty();
    }

    @Test
    void recordsComeWithTheEmployeeAsItIsNow() {
        stored(ada());
        AttendanceRecord record = storedRecord(ada(), DAY, AttendanceStatus.PRESENT);
        Employee renamed = ada().revised(ada().details().renamed("Ada King").inactive(), LATER).orElseThrow();
        employees.replace(renamed, 1);

        assertThat(records.latestOf(ada().id())).contains(new EmployeeAttendance(renamed, record));
        assertThat(records.withEmployeeAfter(Optional.empty(), 10)).containsExactly(new EmployeeAttendance(renamed, record));
    }

    @Test
    void everyRecordIsListedWithItsEmployeeByEmployeeThenDateInChunksOfAnySize() {
        stored(ada());
        stored(bob());
        AttendanceRecord ada2 = storedRecord(ada(), WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT);
        AttendanceRecord bob1 = storedRecord(bob(), WorkDate.of(2026, 11, 3), AttendanceStatus.ON_LEAVE);
        AttendanceRecord ada1 = written(AttendanceRecord.first(ada().id(), WorkDate.of(2026, 11, 1), fullEntry(), NOW));

        assertPagesShow(List.of(
                        new EmployeeAttendance(bob(), bob1),
                        new EmployeeAttendance(ada(), ada1),
                        new EmployeeAttendance(ada(), ada2)),
                records::withEmployeeAfter, entry -> entry.record().key());
    }

    @Test
    void theListingFollowsTheEmployeeIdsOrderCharacterByCharacterAcrossChunks() {
        WorkDate nextDay = WorkDate.of(2026, 11, 28);
        COLLATION_SENSITIVE_IDS.forEach(id -> {
            Employee employee = stored(employee(id, "Person " + id, null, "UTC", true));
            storedRecord(employee, DAY, AttendanceStatus.PRESENT);
            storedRecord(employee, nextDay, AttendanceStatus.ABSENT);
        });
        List<String> expected = COLLATION_SENSITIVE_IDS.stream().map(EmployeeId::new).sorted()
                .flatMap(id -> List.of(id.value() + " " + DAY, id.value() + " " + nextDay).stream())
                .toList();

        for (int limit : List.of(1, 2, 3, 1000)) {
            assertThat(walk(limit, records::withEmployeeAfter, entry -> entry.record().key()))
                    .as("chunks of %d", limit)
                    .extracting(entry -> entry.record().employeeId().value() + " " + entry.record().date())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void recordsAddedOrDeletedBetweenChunksNeitherRepeatNorReorderNorHideTheOthers() {
        Employee a = stored(employee("a", "A", null, "UTC", true));
        Employee b = stored(employee("b", "B", null, "UTC", true));
        Employee c = stored(employee("c", "C", null, "UTC", true));
        storedRecord(a, WorkDate.of(2026, 11, 1), AttendanceStatus.PRESENT);
        storedRecord(a, WorkDate.of(2026, 11, 3), AttendanceStatus.PRESENT);
        storedRecord(b, WorkDate.of(2026, 11, 1), AttendanceStatus.PRESENT);
        AttendanceRecord deletedLater = storedRecord(b, WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT);
        storedRecord(c, WorkDate.of(2026, 11, 1), AttendanceStatus.PRESENT);

        List<EmployeeAttendance> first = records.withEmployeeAfter(Optional.empty(), 2);
        // between the chunks: one record before the position, one after it, and one deleted after it
        storedRecord(a, WorkDate.of(2026, 11, 2), AttendanceStatus.ABSENT);
        storedRecord(b, WorkDate.of(2026, 11, 3), AttendanceStatus.ABSENT);
        assertThat(records.remove(b.id(), deletedLater.date(), 1)).isTrue();
        List<EmployeeAttendance> second = records.withEmployeeAfter(Optional.of(first.get(1).record().key()), 2);
        List<EmployeeAttendance> third = records.withEmployeeAfter(Optional.of(second.get(1).record().key()), 2);

        List<String> listed = new ArrayList<>();
        for (List<EmployeeAttendance> chunk : List.of(first, second, third)) {
            chunk.forEach(entry -> listed.add(entry.record().employeeId().value() + " " + entry.record().date()));
        }
        // ids of one letter: the lines sort as the records do
        assertThat(listed).doesNotHaveDuplicates().isSorted()
                .containsSubsequence("a 2026-11-01", "a 2026-11-03", "b 2026-11-01", "c 2026-11-01")
                .isSubsetOf("a 2026-11-01", "a 2026-11-02", "a 2026-11-03",
                        "b 2026-11-01", "b 2026-11-02", "b 2026-11-03", "c 2026-11-01");
    }

    @Test
    void nothingIsListedFromAnEmptyStore() {
        assertThat(records.withEmployeeAfter(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void recordTextThatLooksLikeSqlIsStoredLiterally() {
        Employee sneaky = stored(employee("x", "x' OR '1'='1; DROP TABLE employees; --", "'; --", "UTC", true));
        AttendanceRecord record = written(AttendanceRecord.first(sneaky.id(), WorkDate.of(2026, 1, 1),
                noted("'); DROP TABLE attendance_records; -- \\' \" $1 ? :name"), NOW));

        assertThat(records.find(sneaky.id(), record.date())).contains(record);
        assertThat(records.latestOf(sneaky.id())).map(EmployeeAttendance::employee).contains(sneaky);
        assertThat(records.search(new AttendanceQuery(record.date(), record.date(), Optional.of(sneaky.id()),
                Optional.of("'; --"), Optional.of(AttendanceStatus.WORK_FROM_HOME), Optional.empty()),
                Optional.empty(), 10)).containsExactly(record);
    }

    @Test
    void recordInstantsSurviveTheRoundTripToTheMicrosecond() {
        stored(ada());
        Instant created = Instant.parse("1970-01-01T00:00:00.000001Z");
        Instant in = Instant.parse("2026-11-27T07:00:00.000001Z");
        Instant out = Instant.parse("2026-11-27T23:59:59.999999Z");
        Instant updated = Instant.parse("2099-12-31T23:59:59.999999Z");
        AttendanceRecord first = written(
                AttendanceRecord.first(ada().id(), DAY, statusOnly(AttendanceStatus.PRESENT), created));
        written(first.revised(
                DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API).checkIn(in).checkOut(out).build(),
                updated).orElseThrow());

        AttendanceRecord found = records.find(ada().id(), DAY).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(created);
        assertThat(found.updatedAt()).isEqualTo(updated);
        assertThat(found.entry().checkIn()).contains(in);
        assertThat(found.entry().checkOut()).contains(out);
        assertThat(found.workedMinutes()).contains(1019L);
        assertThat(records.find(ada().id(), WorkDate.of(1970, 1, 1))).isEmpty();
    }

    // ---------------------------------------------------------------- search

    @Test
    void aSearchShowsTheRecordsOfTheRangeBothEndsIncludedByDateThenEmployee() {
        stored(ada());
        stored(bob());
        storedRecord(ada(), WorkDate.of(2026, 10, 31), AttendanceStatus.PRESENT);
        AttendanceRecord ada1 = storedRecord(ada(), WorkDate.of(2026, 11, 1), AttendanceStatus.PRESENT);
        AttendanceRecord ada3 = storedRecord(ada(), WorkDate.of(2026, 11, 3), AttendanceStatus.PRESENT);
        AttendanceRecord bob3 = storedRecord(bob(), WorkDate.of(2026, 11, 3), AttendanceStatus.ABSENT);
        AttendanceRecord bob1 = storedRecord(bob(), WorkDate.of(2026, 11, 1), AttendanceStatus.ABSENT);
        storedRecord(bob(), WorkDate.of(2026, 11, 4), AttendanceStatus.ABSENT);
        AttendanceQuery november1to3 = range(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 3));

        assertThat(records.search(november1to3, Optional.empty(), 10)).containsExactly(bob1, ada1, bob3, ada3);
        assertThat(records.search(november1to3, Optional.empty(), 3)).containsExactly(bob1, ada1, bob3);
        assertThat(records.search(november1to3, Optional.of(ada1.key()), 10)).containsExactly(bob3, ada3);
        assertThat(records.search(november1to3, Optional.of(new AttendanceKey(WorkDate.of(2026, 11, 2), ada().id())), 10))
                .as("after a position no record holds").containsExactly(bob3, ada3);
        assertThat(records.search(november1to3, Optional.of(ada3.key()), 10)).isEmpty();
        assertThat(records.search(range(WorkDate.of(2026, 11, 3), WorkDate.of(2026, 11, 3)), Optional.empty(), 10))
                .as("a single day").containsExactly(bob3, ada3);
        assertThat(records.search(range(WorkDate.of(2025, 1, 1), WorkDate.of(2025, 12, 31)), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aSearchFiltersByEachCriterionAloneAndCombined() {
        Employee ada = stored(employee("E-1", "Ada", "Engineering", "UTC", true));
        Employee bob = stored(employee("E-2", "Bob", null, "UTC", true));
        Employee eve = stored(employee("E-3", "Eve", "Engineering", "UTC", false));
        Employee low = stored(employee("E-4", "Low", "engineering", "UTC", true));
        Instant t0 = Instant.parse("2026-11-02T10:00:00.000001Z");
        Instant t1 = Instant.parse("2026-11-02T10:00:00.000002Z");
        WorkDate d1 = WorkDate.of(2026, 11, 1);
        WorkDate d2 = WorkDate.of(2026, 11, 2);
        AttendanceRecord ada1 = add(ada, d1, AttendanceStatus.PRESENT, t0);
        AttendanceRecord ada2 = add(ada, d2, AttendanceStatus.ABSENT, t1);
        AttendanceRecord bob1 = add(bob, d1, AttendanceStatus.ABSENT, t1);
        AttendanceRecord bob2 = add(bob, d2, AttendanceStatus.PRESENT, t0);
        AttendanceRecord eve1 = add(eve, d1, AttendanceStatus.PRESENT, t1);
        AttendanceRecord low2 = add(low, d2, AttendanceStatus.PRESENT, t1);

        assertThat(search(d1, d2, null, null, null, null)).containsExactly(ada1, bob1, eve1, ada2, bob2, low2);
        assertThat(search(d1, d2, ada.id(), null, null, null)).as("employee").containsExactly(ada1, ada2);
        assertThat(search(d1, d2, new EmployeeId("E"), null, null, null)).as("employee, exactly").isEmpty();
        assertThat(search(d1, d2, null, "Engineering", null, null)).as("department, exactly")
                .containsExactly(ada1, eve1, ada2);
        assertThat(search(d1, d2, null, null, AttendanceStatus.PRESENT, null)).as("status")
                .containsExactly(ada1, eve1, bob2, low2);
        assertThat(search(d1, d2, null, null, null, t1)).as("updated at or after")
                .containsExactly(bob1, eve1, ada2, low2);
        assertThat(search(d1, d2, null, null, null, t0)).as("updatedSince includes its instant")
                .containsExactly(ada1, bob1, eve1, ada2, bob2, low2);
        assertThat(search(d1, d2, null, null, null, t1.plusNanos(1000))).as("updatedSince after everything").isEmpty();
        assertThat(search(d2, d2, null, null, null, null)).as("range").containsExactly(ada2, bob2, low2);
        assertThat(search(d1, d2, null, "Engineering", AttendanceStatus.PRESENT, null)).as("department and status")
                .containsExactly(ada1, eve1);
        assertThat(search(d1, d2, ada.id(), "Engineering", AttendanceStatus.ABSENT, t1)).as("everything")
                .containsExactly(ada2);
        assertThat(search(d1, d1, bob.id(), "Engineering", null, null)).as("contradicting filters").isEmpty();
    }

    private AttendanceRecord add(Employee employee, WorkDate date, AttendanceStatus status, Instant at) {
        return written(AttendanceRecord.first(employee.id(), date, statusOnly(status), at));
    }

    private List<AttendanceRecord> search(WorkDate from, WorkDate to, EmployeeId employeeId, String department,
            AttendanceStatus status, Instant updatedSince) {
        return records.search(new AttendanceQuery(from, to, Optional.ofNullable(employeeId), Optional.ofNullable(department),
                Optional.ofNullable(status), Optional.ofNullable(updatedSince)), Optional.empty(), 100);
    }

    @Test
    void aSearchFiltersByTheEmployeesCurrentDepartment() {
        Employee ada = stored(ada());
        AttendanceRecord record = storedRecord(ada, DAY, AttendanceStatus.PRESENT);
        employees.replace(ada.revised(new EmployeeDetails(ada.name(), Optional.of("Sales"), ada.timezone(), true), LATER).orElseThrow(), 1);

        assertThat(search(DAY, DAY, null, "Engineering", null, null)).isEmpty();
        assertThat(search(DAY, DAY, null, "Sales", null, null)).containsExactly(record);
    }

    @Test
    void walkingASearchPageByPageShowsEveryMatchOnceInOrder() {
        List<Employee> staff = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            staff.add(stored(employee("E-" + i, "Person " + i, i == 3 ? "Other" : "Ops", "UTC", true)));
        }
        List<AttendanceRecord> expected = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            for (Employee employee : staff) {
                AttendanceRecord record = storedRecord(employee, WorkDate.of(2026, 11, day), AttendanceStatus.PRESENT);
                if (!employee.department().orElseThrow().equals("Other") && day >= 2 && day <= 5) {
                    expected.add(record);
                }
            }
        }
        expected.sort(Comparator.comparing(AttendanceRecord::key));
        AttendanceQuery query = new AttendanceQuery(WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 5),
                Optional.empty(), Optional.of("Ops"), Optional.empty(), Optional.empty());

        assertPagesShow(expected, (after, size) -> records.search(query, after, size), AttendanceRecord::key);
    }

    @Test
    void aSearchOrdersEmployeesOfADayAsTheDomainComparesTheirIds() {
        COLLATION_SENSITIVE_IDS.forEach(id -> storedRecord(stored(employee(id, "Person " + id, null, "UTC", true)), DAY, AttendanceStatus.PRESENT));
        List<EmployeeId> expected = COLLATION_SENSITIVE_IDS.stream().map(EmployeeId::new).sorted().toList();

        assertThat(records.search(range(DAY, DAY), Optional.empty(), 100)).extracting(AttendanceRecord::employeeId)
                .containsExactlyElementsOf(expected);
        assertThat(walk(3, (after, size) -> records.search(range(DAY, DAY), after, size), AttendanceRecord::key))
                .extracting(AttendanceRecord::employeeId).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void aRecordsHistoryHoldsItsEventsOldestFirstExactlyAsAppended() {
        stored(ada());
        stored(bob());
        AttendanceRecord created = AttendanceRecord.first(ada().id(), DAY, fullEntry(), NOW);
        AttendanceRecord updated = created.revised(statusOnly(AttendanceStatus.ABSENT), NOW).orElseThrow();
        AuditEvent creation = AuditEvent.created(created, "anonymous");
        AuditEvent update = AuditEvent.updated(created, updated, "hr-admin@example.com");
        AuditEvent deletion = AuditEvent.deleted(updated, NOW, "x' OR '1'='1");
        AuditEvent otherDay = AuditEvent.created(recordOf(ada(), WorkDate.of(2026, 11, 28), AttendanceStatus.PRESENT), "anonymous");
        AuditEvent otherEmployee = AuditEvent.created(recordOf(bob(), DAY, AttendanceStatus.PRESENT), "anonymous");
        List.of(creation, otherDay, update, otherEmployee, deletion).forEach(audit::append);

        assertThat(AuditHistories.of(audit, ada().id(), DAY)).containsExactly(creation, update, deletion);
        assertThat(AuditHistories.of(audit, ada().id(), WorkDate.of(2026, 11, 28))).containsExactly(otherDay);
        assertThat(AuditHistories.of(audit, bob().id(), DAY)).containsExactly(otherEmployee);
        assertThat(AuditHistories.of(audit, bob().id(), WorkDate.of(2026, 11, 28))).isEmpty();
    }

    @Test
    void auditInstantsSurviveTheRoundTripToTheMicrosecond() {
        stored(ada());
        AttendanceRecord created = AttendanceRecord.first(ada().id(), DAY, fullEntry(), Instant.parse("2026-11-27T08:00:00.000001Z"));
        AuditEvent deletion = AuditEvent.deleted(created, Instant.parse("2026-11-27T08:00:00.999999Z"), "anonymous");
        audit.append(AuditEvent.created(created, "anonymous"));
        audit.append(deletion);

        List<AuditEvent> history = AuditHistories.of(audit, ada().id(), DAY);
        assertThat(history).extracting(AuditEvent::at)
                .containsExactly(Instant.parse("2026-11-27T08:00:00.000001Z"), Instant.parse("2026-11-27T08:00:00.999999Z"));
        assertThat(history).extracting(AuditEvent::action).containsExactly(AuditAction.CREATED, AuditAction.DELETED);
        assertThat(history.get(1).before()).contains(created);
    }

    @Test
    void aRecordsHistoryOutlivesTheRecord() {
        stored(ada());
        AttendanceRecord record = storedRecord(ada(), DAY, AttendanceStatus.PRESENT);

        transactions.runInTransaction(() -> {
            records.remove(ada().id(), DAY, 1);
            audit.append(AuditEvent.deleted(record, LATER, "anonymous"));
        });

        assertThat(records.find(ada().id(), DAY)).isEmpty();
        assertThat(AuditHistories.of(audit, ada().id(), DAY)).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATED, AuditAction.DELETED);
    }

    @Test
    void anEmployeesHistoryHoldsItsEventsOldestFirstExactlyAsAppended() {
        Employee created = ada();
        Employee moved = created.revised(new EmployeeDetails("Ada King", Optional.empty(), ZoneId.of("Asia/Kolkata"), true),
                LATER).orElseThrow();
        Employee left = moved.revised(moved.details().inactive(), Instant.parse("2099-12-31T23:59:59.999999Z")).orElseThrow();
        EmployeeAuditEvent creation = EmployeeAuditEvent.created(created, "user:hr-admin");
        EmployeeAuditEvent move = EmployeeAuditEvent.updated(created, moved, "x' OR '1'='1");
        EmployeeAuditEvent leaving = EmployeeAuditEvent.updated(moved, left, "api-key:0123456789abcdef");
        EmployeeAuditEvent bobsCreation = EmployeeAuditEvent.created(bob(), "anonymous");
        AuditEvent adasRecord = AuditEvent.created(recordOf(ada(), DAY, AttendanceStatus.PRESENT), "anonymous");
        audit.append(creation);
        audit.append(bobsCreation);
        audit.append(adasRecord);
        audit.append(move);
        audit.append(leaving);

        assertThat(AuditHistories.of(audit, ada().id())).containsExactly(creation, move, leaving);
        assertThat(AuditHistories.of(audit, ada().id()).get(2).at()).isEqualTo(Instant.parse("2099-12-31T23:59:59.999999Z"));
        assertThat(AuditHistories.of(audit, bob().id())).containsExactly(bobsCreation);
        assertThat(AuditHistories.of(audit, new EmployeeId("nobody"))).isEmpty();
        assertThat(AuditHistories.of(audit, ada().id(), DAY)).as("a record's history holds no employee event").containsExactly(adasRecord);
    }

    @Test
    void aRecordsHistoryIsReadInPagesAfterTheSequenceNumberOfTheLastEventShown() {
        stored(ada());
        stored(bob());
        List<AuditEvent> adas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuditEvent event = AuditEvent.created(recordOf(ada(), DAY, AttendanceStatus.PRESENT), "actor " + i);
            adas.add(event);
            audit.append(event);
            audit.append(AuditEvent.created(recordOf(bob(), DAY, AttendanceStatus.PRESENT), "actor " + i));
        }

        List<Sequenced<AuditEvent>> first = audit.history(ada().id(), DAY, OptionalLong.empty(), 2);
        List<Sequenced<AuditEvent>> second = audit.history(ada().id(), DAY, OptionalLong.of(first.get(1).sequence()), 2);
        List<Sequenced<AuditEvent>> last = audit.history(ada().id(), DAY, OptionalLong.of(second.get(1).sequence()), 2);

        assertThat(first).extracting(Sequenced::event).containsExactlyElementsOf(adas.subList(0, 2));
        assertThat(second).extracting(Sequenced::event).containsExactlyElementsOf(adas.subList(2, 4));
        assertThat(last).extracting(Sequenced::event).containsExactly(adas.get(4));
        assertThat(audit.history(ada().id(), DAY, OptionalLong.of(last.get(0).sequence()), 2)).isEmpty();
        assertThat(Stream.of(first, second, last).flatMap(List::stream).map(Sequenced::sequence).toList())
                .as("increasing in the order of appending").isSorted().doesNotHaveDuplicates();
        assertThat(audit.history(ada().id(), WorkDate.of(2026, 11, 28), OptionalLong.empty(), 2)).isEmpty();
    }

    @Test
    void anEmployeesHistoryIsReadInPagesAfterTheSequenceNumberOfTheLastEventShown() {
        List<EmployeeAuditEvent> adas = new ArrayList<>();
        Employee current = ada();
        adas.add(EmployeeAuditEvent.created(current, "user:hr"));
        for (int i = 1; i < 5; i++) {
            Employee next = current.revised(current.details().renamed("Ada " + i), LATER).orElseThrow();
            adas.add(EmployeeAuditEvent.updated(current, next, "user:hr"));
            current = next;
        }
        for (EmployeeAuditEvent event : adas) {
            audit.append(event);
            audit.append(EmployeeAuditEvent.created(bob(), "user:hr"));
        }

        List<Sequenced<EmployeeAuditEvent>> first = audit.history(ada().id(), OptionalLong.empty(), 3);
        List<Sequenced<EmployeeAuditEvent>> last = audit.history(ada().id(), OptionalLong.of(first.get(2).sequence()), 3);

        assertThat(first).extracting(Sequenced::event).containsExactlyElementsOf(adas.subList(0, 3));
        assertThat(last).extracting(Sequenced::event).containsExactlyElementsOf(adas.subList(3, 5));
        assertThat(last.get(0).sequence()).isGreaterThan(first.get(2).sequence());
        assertThat(audit.history(new EmployeeId("nobody"), OptionalLong.empty(), 3)).isEmpty();
    }

    // ---------------------------------------------------------------- units of work

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        stored(bob());
        AttendanceRecord bobs = storedRecord(bob(), DAY, AttendanceStatus.PRESENT);
        AuditEvent bobsCreation = AuditEvent.created(bobs, RecordSeeding.ACTOR);
        EmployeeAuditEvent bobsEmployeeCreation = EmployeeAuditEvent.created(bob(), "anonymous");
        audit.append(bobsEmployeeCreation);

        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            employees.add(ada());
            audit.append(AuditEvent.created(recordOf(ada(), DAY, AttendanceStatus.PRESENT), "anonymous"));
            employees.replace(bob().revised(bob().details().renamed("Robert"), LATER).orElseThrow(), 1);
            records.remove(bob().id(), DAY, 1);
            audit.append(AuditEvent.deleted(bobs, LATER, "anonymous"));
            audit.append(EmployeeAuditEvent.created(ada(), "anonymous"));
            audit.append(EmployeeAuditEvent.updated(bob(), bob().revised(bob().details().renamed("Robert"), LATER).orElseThrow(),
                    "anonymous"));
            throw new NotFound("something later in the same unit of work failed");
        })).isInstanceOf(NotFound.class).hasMessage("something later in the same unit of work failed");

        assertThat(employees.find(ada().id())).isEmpty();
        assertThat(AuditHistories.of(audit, ada().id(), DAY)).isEmpty();
        assertThat(employees.find(bob().id())).contains(bob());
        assertThat(records.find(bob().id(), DAY)).contains(bobs);
        assertThat(AuditHistories.of(audit, bob().id(), DAY)).containsExactly(bobsCreation);
        assertThat(AuditHistories.of(audit, ada().id())).isEmpty();
        assertThat(AuditHistories.of(audit, bob().id())).containsExactly(bobsEmployeeCreation);
    }

    @Test
    void aFailedUnitOfWorkUndoesARemoval() {
        stored(ada());
        AttendanceRecord record = storedRecord(ada(), DAY, AttendanceStatus.PRESENT);

        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            records.remove(ada().id(), DAY, 1);
            throw new NotFound("rolled back");
        })).isInstanceOf(NotFound.class);

        assertThat(records.find(ada().id(), DAY)).contains(record);
    }

    @Test
    void aUnitOfWorkReadsItsOwnWritesAndReturnsWhatItsWorkReturns() {
        stored(bob());
        storedRecord(bob(), DAY, AttendanceStatus.PRESENT);

        String answer = transactions.inTransaction(() -> {
            employees.add(ada());
            assertThat(employees.find(ada().id())).contains(ada());
            assertThat(records.remove(bob().id(), DAY, 1)).isTrue();
            assertThat(records.find(bob().id(), DAY)).isEmpty();
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(employees.find(ada().id())).contains(ada());
        assertThat(records.find(bob().id(), DAY)).isEmpty();
    }
}
