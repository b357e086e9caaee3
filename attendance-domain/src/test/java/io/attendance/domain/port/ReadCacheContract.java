package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadCache} promises; run against the in-memory fake and the Redis adapter. The
 * values are as rich as the model allows (every optional field present, zones, text that breaks
 * naive escaping, microsecond instants) so that a serialising cache shows its round-trip faults.
 */
public abstract class ReadCacheContract {
    private static final Instant CREATED = Instant.parse("2026-11-02T08:30:00.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-11-27T17:45:10.000001Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final WorkDate NEXT_DAY = WorkDate.of(2026, 11, 28);

    /** Every field set, inactive, a zone with a half-hour offset, text with quotes, colons and wildcards. */
    private static final Employee ADA = new Employee(new EmployeeId("E-1"),
            new EmployeeDetails("Ada \"Countess\" Lovelace-O'Brien 王", Optional.of("R&D: *core* {\"x\":1} 100%"),
                    ZoneId.of("Asia/Kolkata"), false),
            3, CREATED, UPDATED);
    /** Nothing optional; the zone whose id is easily lost (UTC versus Z). */
    private static final Employee BOB = Employee.first(new EmployeeId("B-2"),
            new EmployeeDetails("Bob", Optional.empty(), ZoneId.of("UTC"), true), CREATED);
    /** An id that starts with another employee's id. */
    private static final Employee ADA_TEN = Employee.first(new EmployeeId("E-10"),
            EmployeeDetails.named("Ada Ten", ZoneId.of("America/St_Johns")), CREATED);

    private static final AttendanceRecord ADA_FULL = new AttendanceRecord(ADA.id(), DAY,
            new DayEntry(AttendanceStatus.HALF_DAY,
                    Optional.of(Instant.parse("2026-11-27T03:29:59.000001Z")),
                    Optional.of(Instant.parse("2026-11-27T08:00:00.999999Z")),
                    Optional.of("Line one\nline \"two\"\ttabbed; it's 100% \\ done: {\"json\":true} – ✓"),
                    RecordSource.BATCH),
            2, CREATED, UPDATED);
    private static final AttendanceRecord ADA_NEXT = AttendanceRecord.first(ADA.id(), NEXT_DAY,
            DayEntry.statusOnly(AttendanceStatus.ON_LEAVE, RecordSource.API), UPDATED);
    private static final AttendanceRecord BOB_BARE = AttendanceRecord.first(BOB.id(), DAY, AttendanceStatus.ABSENT, CREATED);
    private static final AttendanceRecord ADA_TEN_WORKED = AttendanceRecord.first(ADA_TEN.id(), DAY, new DayEntry(
            AttendanceStatus.WORK_FROM_HOME, Optional.of(CREATED), Optional.empty(), Optional.empty(), RecordSource.V1), CREATED);

    private static final EmployeeAttendance ADA_LATEST = new EmployeeAttendance(ADA, ADA_FULL);
    private static final EmployeeAttendance BOB_LATEST = new EmployeeAttendance(BOB, BOB_BARE);
    /** Opaque to the cache; not valid UTF-8, so no implementation can get away with storing it as text. */
    private static final byte[] SERIALISED_LISTING = {'[', 0, (byte) 0xff, (byte) 0xc3, '"', ']'};

    private static final AttendanceQuery NOVEMBER = query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30),
            null, null, null, null);
    private static final AttendanceQuery EVERY_FILTER = query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30),
            ADA.id(), "R&D: *core* {\"x\":1} 100%", AttendanceStatus.HALF_DAY, Instant.parse("2026-11-01T00:00:00.000001Z"));
    private static final EmployeeQuery ACTIVE_ADAS = new EmployeeQuery(Optional.of("R&D: *core*"), Optional.of(true),
            Optional.of("ada"));

    protected ReadCache cache;

    /** A cache with no entries; each call may share the backing server with the previous one. */
    protected abstract ReadCache emptyCache();

    @BeforeEach
    void openEmptyCache() {
        cache = emptyCache();
    }

    private static AttendanceQuery query(WorkDate from, WorkDate to, EmployeeId employeeId, String department,
            AttendanceStatus status, Instant updatedSince) {
        return new AttendanceQuery(from, to, Optional.ofNullable(employeeId), Optional.ofNullable(department),
                Optional.ofNullable(status), Optional.ofNullable(updatedSince));
    }

    @SuppressWarnings("unchecked")
    private static <T> void fill(Cached<T> lookup, T value) {
        assertThat(lookup).isInstanceOf(Cached.Miss.class);
        ((Cached.Miss<T>) lookup).fill(value);
    }

    private static <T> T hitValue(Cached<T> lookup) {
        assertThat(lookup).isInstanceOf(Cached.Hit.class);
        return ((Cached.Hit<T>) lookup).value();
    }

    private static void assertMiss(Cached<?> lookup, String what) {
        assertThat(lookup).as(what).isInstanceOf(Cached.Miss.class);
    }

    /** One lookup of each kind with the value it is filled with: ADA's entries, BOB's, and the listings. */
    private record Entry<T>(String name, Supplier<Cached<T>> lookup, T value) {
        void fill() {
            ReadCacheContract.fill(lookup.get(), value);
        }

        void assertHit() {
            assertThat(hitValue(lookup.get())).as(name).isEqualTo(value);
        }

        void assertMiss() {
            ReadCacheContract.assertMiss(lookup.get(), name);
        }
    }

    private List<Entry<?>> adaEntries() {
        return List.of(
                new Entry<>("latestAttendance(ADA)", () -> cache.latestAttendance(ADA.id()), Optional.of(ADA_LATEST)),
                new Entry<>("employee(ADA)", () -> cache.employee(ADA.id()), Optional.of(ADA)),
                new Entry<>("record(ADA, DAY)", () -> cache.record(ADA.id(), DAY), Optional.of(ADA_FULL)),
                new Entry<>("recordsOfEmployee(ADA, NOVEMBER)",
                        () -> cache.recordsOfEmployee(ADA.id(), NOVEMBER.from(), NOVEMBER.to()), List.of(ADA_FULL, ADA_NEXT)));
    }

    private List<Entry<?>> otherEmployeesEntries() {
        return List.of(
                new Entry<>("latestAttendance(BOB)", () -> cache.latestAttendance(BOB.id()), Optional.of(BOB_LATEST)),
                new Entry<>("employee(BOB)", () -> cache.employee(BOB.id()), Optional.of(BOB)),
                new Entry<>("record(BOB, DAY)", () -> cache.record(BOB.id(), DAY), Optional.of(BOB_BARE)),
                new Entry<>("recordsOfEmployee(BOB, NOVEMBER)",
                        () -> cache.recordsOfEmployee(BOB.id(), NOVEMBER.from(), NOVEMBER.to()), List.of(BOB_BARE)),
                new Entry<>("employee(E-10)", () -> cache.employee(ADA_TEN.id()), Optional.of(ADA_TEN)),
                new Entry<>("record(E-10, DAY)", () -> cache.record(ADA_TEN.id(), DAY), Optional.of(ADA_TEN_WORKED)));
    }

    /** Every listing; none of them mentions E-10, whose change must hide them all the same. */
    private List<Entry<?>> listings() {
        return List.of(
                new Entry<>("allAttendance", cache::allAttendance, SERIALISED_LISTING),
                new Entry<>("attendancePage(NOVEMBER)", () -> cache.attendancePage(NOVEMBER, Optional.empty(), 101),
                        List.of(ADA_FULL, BOB_BARE, ADA_NEXT)),
                new Entry<>("attendancePage(EVERY_FILTER, after)",
                        () -> cache.attendancePage(EVERY_FILTER, Optional.of(new AttendanceKey(DAY, BOB.id())), 3),
                        List.of(ADA_FULL)),
                new Entry<>("employeePage(EVERYONE)", () -> cache.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 101),
                        List.of(BOB, ADA)),
                new Entry<>("employeePage(ACTIVE_ADAS, after)",
                        () -> cache.employeePage(ACTIVE_ADAS, Optional.of(BOB.id()), 2), List.of(ADA)));
    }

    private List<Entry<?>> everyEntry() {
        List<Entry<?>> all = new ArrayList<>(adaEntries());
        all.addAll(otherEmployeesEntries());
        all.addAll(listings());
        return all;
    }

    @Test
    void anEmptyCacheMissesEveryLookup() {
        everyEntry().forEach(Entry::assertMiss);
    }

    @Test
    void everyFilledEntryIsAHitWithAnEqualValue() {
        everyEntry().forEach(Entry::fill);

        everyEntry().forEach(Entry::assertHit);
    }

    @Test
    void emptyAnswersAreCachedToo() {
        fill(cache.latestAttendance(ADA.id()), Optional.empty());
        fill(cache.employee(ADA.id()), Optional.empty());
        fill(cache.record(ADA.id(), DAY), Optional.empty());
        fill(cache.recordsOfEmployee(ADA.id(), DAY, DAY), List.of());
        fill(cache.allAttendance(), new byte[0]);
        fill(cache.attendancePage(NOVEMBER, Optional.empty(), 11), List.of());
        fill(cache.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 11), List.of());

        assertThat(hitValue(cache.latestAttendance(ADA.id()))).isEmpty();
        assertThat(hitValue(cache.employee(ADA.id()))).isEmpty();
        assertThat(hitValue(cache.record(ADA.id(), DAY))).isEmpty();
        assertThat(hitValue(cache.recordsOfEmployee(ADA.id(), DAY, DAY))).isEmpty();
        assertThat(hitValue(cache.allAttendance())).isEmpty();
        assertThat(hitValue(cache.attendancePage(NOVEMBER, Optional.empty(), 11))).isEmpty();
        assertThat(hitValue(cache.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 11))).isEmpty();
    }

    @Test
    void aChangeHidesTheEmployeesEntriesAndEveryListingButNotOtherEmployeesEntries() {
        everyEntry().forEach(Entry::fill);

        cache.employeeChanged(ADA.id());

        adaEntries().forEach(Entry::assertMiss);
        listings().forEach(Entry::assertMiss);
        otherEmployeesEntries().forEach(Entry::assertHit);
    }

    @Test
    void aChangeToAnyEmployeeHidesEveryListingEvenOneThatDoesNotShowThem() {
        everyEntry().forEach(Entry::fill);

        cache.employeeChanged(new EmployeeId("someone-never-cached"));

        listings().forEach(Entry::assertMiss);
        adaEntries().forEach(Entry::assertHit);
        otherEmployeesEntries().forEach(Entry::assertHit);
    }

    @Test
    void aValueReadBeforeAChangeIsNeverServedAfterIt() {
        List<Entry<?>> affected = new ArrayList<>(adaEntries());
        affected.addAll(listings());
        List<Runnable> slowFills = affected.stream().map(ReadCacheContract::slowFill).toList();

        cache.employeeChanged(ADA.id());
        slowFills.forEach(Runnable::run);

        affected.forEach(Entry::assertMiss);
    }

    /** Looks the entry up now (a miss) and fills it when run: a reader that loaded its value before a change. */
    @SuppressWarnings("unchecked")
    private static <T> Runnable slowFill(Entry<T> entry) {
        Cached<T> lookup = entry.lookup().get();
        assertThat(lookup).as(entry.name()).isInstanceOf(Cached.Miss.class);
        return () -> ((Cached.Miss<T>) lookup).fill(entry.value());
    }

    @Test
    void aValueReadBeforeAnotherEmployeesChangeIsServed() {
        List<Runnable> slowFills = otherEmployeesEntries().stream().map(ReadCacheContract::slowFill).toList();

        cache.employeeChanged(ADA.id());
        slowFills.forEach(Runnable::run);

        otherEmployeesEntries().forEach(Entry::assertHit);
    }

    @Test
    void aValueFilledAfterAChangeIsServed() {
        everyEntry().forEach(Entry::fill);
        cache.employeeChanged(ADA.id());
        cache.employeeChanged(ADA.id());

        adaEntries().forEach(Entry::fill);
        listings().forEach(Entry::fill);

        everyEntry().forEach(Entry::assertHit);
    }

    @Test
    void eachEmployeeAndDayHasItsOwnEntry() {
        fill(cache.latestAttendance(ADA.id()), Optional.of(ADA_LATEST));
        fill(cache.employee(ADA.id()), Optional.of(ADA));
        fill(cache.record(ADA.id(), DAY), Optional.of(ADA_FULL));

        assertMiss(cache.latestAttendance(BOB.id()), "another employee's latest");
        assertMiss(cache.latestAttendance(ADA_TEN.id()), "an employee whose id starts with the same text");
        assertMiss(cache.employee(BOB.id()), "another employee");
        assertMiss(cache.employee(ADA_TEN.id()), "an employee whose id starts with the same text");
        assertMiss(cache.record(ADA.id(), NEXT_DAY), "another day");
        assertMiss(cache.record(BOB.id(), DAY), "another employee's day");
        assertMiss(cache.record(ADA_TEN.id(), DAY), "an employee whose id starts with the same text");

        fill(cache.record(ADA.id(), NEXT_DAY), Optional.of(ADA_NEXT));
        fill(cache.record(BOB.id(), DAY), Optional.empty());
        assertThat(hitValue(cache.record(ADA.id(), DAY))).contains(ADA_FULL);
        assertThat(hitValue(cache.record(ADA.id(), NEXT_DAY))).contains(ADA_NEXT);
        assertThat(hitValue(cache.record(BOB.id(), DAY))).isEmpty();
    }

    @Test
    void eachDateRangeOfAnEmployeeHasItsOwnEntry() {
        fill(cache.recordsOfEmployee(ADA.id(), DAY, NEXT_DAY), List.of(ADA_FULL, ADA_NEXT));

        assertMiss(cache.recordsOfEmployee(ADA.id(), DAY, DAY), "another end");
        assertMiss(cache.recordsOfEmployee(ADA.id(), NEXT_DAY, NEXT_DAY), "another start");
        assertMiss(cache.recordsOfEmployee(ADA.id(), NEXT_DAY, WorkDate.of(2026, 12, 1)), "another range");
        assertMiss(cache.recordsOfEmployee(BOB.id(), DAY, NEXT_DAY), "another employee");

        fill(cache.recordsOfEmployee(ADA.id(), DAY, DAY), List.of(ADA_FULL));
        assertThat(hitValue(cache.recordsOfEmployee(ADA.id(), DAY, NEXT_DAY))).containsExactly(ADA_FULL, ADA_NEXT);
        assertThat(hitValue(cache.recordsOfEmployee(ADA.id(), DAY, DAY))).containsExactly(ADA_FULL);
    }

    @Test
    void eachAttendanceQueryPositionAndLimitHasItsOwnPage() {
        List<AttendanceQuery> queries = List.of(
                NOVEMBER,
                EVERY_FILTER,
                query(WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 30), null, null, null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 29), null, null, null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), ADA.id(), null, null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), ADA_TEN.id(), null, null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, "Sales", null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, "sales", null, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, null, AttendanceStatus.PRESENT, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, null, AttendanceStatus.ABSENT, null),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, null, null, CREATED),
                query(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30), null, null, null, CREATED.plusNanos(1000)));
        List<Optional<AttendanceKey>> positions = List.of(Optional.empty(),
                Optional.of(new AttendanceKey(DAY, ADA.id())), Optional.of(new AttendanceKey(DAY, ADA_TEN.id())),
                Optional.of(new AttendanceKey(NEXT_DAY, ADA.id())));

        assertEachHasItsOwnPage(queries, positions, List.of(ADA_FULL, ADA_NEXT, BOB_BARE, ADA_TEN_WORKED),
                cache::attendancePage, AttendanceQuery::canonical);
    }

    @Test
    void eachEmployeeQueryPositionAndLimitHasItsOwnPage() {
        List<EmployeeQuery> queries = List.of(
                EmployeeQuery.EVERYONE,
                ACTIVE_ADAS,
                new EmployeeQuery(Optional.of("Sales"), Optional.empty(), Optional.empty()),
                new EmployeeQuery(Optional.of("sales"), Optional.empty(), Optional.empty()),
                new EmployeeQuery(Optional.empty(), Optional.of(true), Optional.empty()),
                new EmployeeQuery(Optional.empty(), Optional.of(false), Optional.empty()),
                new EmployeeQuery(Optional.empty(), Optional.empty(), Optional.of("a")),
                new EmployeeQuery(Optional.empty(), Optional.empty(), Optional.of("A")),
                new EmployeeQuery(Optional.empty(), Optional.empty(), Optional.of("ad")));
        List<Optional<EmployeeId>> positions = List.of(Optional.empty(), Optional.of(ADA.id()), Optional.of(ADA_TEN.id()));

        assertEachHasItsOwnPage(queries, positions, List.of(ADA, BOB, ADA_TEN), cache::employeePage, EmployeeQuery::canonical);
    }

    /** The lookup of one page of a listing: {@link ReadCache#attendancePage} or {@link ReadCache#employeePage}. */
    private interface PageLookup<Q, P, T> {
        Cached<List<T>> page(Q query, Optional<P> after, int limit);
    }

    /**
     * Fills the page of every query, position and limit (2, 21, 101) with a value of its own, each
     * first checked to be a miss, then checks that every page gives back its own value.
     */
    private static <Q, P, T> void assertEachHasItsOwnPage(List<Q> queries, List<Optional<P>> positions, List<T> pool,
            PageLookup<Q, P, T> lookup, Function<Q, String> describe) {
        List<Runnable> checks = new ArrayList<>();
        int n = 0;
        for (Q query : queries) {
            for (Optional<P> after : positions) {
                for (int limit : List.of(2, 21, 101)) {
                    String name = describe.apply(query) + " after " + after + " limit " + limit;
                    List<T> value = n % 7 == 0 ? List.of()
                            : List.of(pool.get(n % pool.size()), pool.get((n / pool.size()) % pool.size())).subList(0, 1 + n % 2);
                    assertMiss(lookup.page(query, after, limit), name);
                    fill(lookup.page(query, after, limit), value);
                    checks.add(() -> assertThat(hitValue(lookup.page(query, after, limit))).as(name).isEqualTo(value));
                    n++;
                }
            }
        }
        checks.forEach(Runnable::run);
    }

    @Test
    void queriesWhoseFiltersRunTogetherStillHaveTheirOwnPages() {
        EmployeeQuery departmentSwallowsTheName = new EmployeeQuery(
                Optional.of("x&active=&q=y"), Optional.empty(), Optional.empty());
        EmployeeQuery nameSwallowsTheRest = new EmployeeQuery(
                Optional.of("x"), Optional.empty(), Optional.of("y&active=&q="));
        AttendanceQuery departmentWithAStatus = query(DAY, DAY, null, "x&status=PRESENT", null, null);
        AttendanceQuery departmentAndStatus = query(DAY, DAY, null, "x", AttendanceStatus.PRESENT, null);
        AttendanceQuery separatorInDepartment = query(DAY, DAY, null, "a\u00a0b|c:d", null, null);
        AttendanceQuery otherSeparatorInDepartment = query(DAY, DAY, null, "a\u00a0b|c", null, null);

        fill(cache.employeePage(departmentSwallowsTheName, Optional.empty(), 11), List.of(ADA));
        fill(cache.attendancePage(departmentWithAStatus, Optional.empty(), 11), List.of(ADA_FULL));
        fill(cache.attendancePage(separatorInDepartment, Optional.empty(), 11), List.of(BOB_BARE));

        assertMiss(cache.employeePage(nameSwallowsTheRest, Optional.empty(), 11), "another employee query");
        assertMiss(cache.attendancePage(departmentAndStatus, Optional.empty(), 11), "another attendance query");
        assertMiss(cache.attendancePage(otherSeparatorInDepartment, Optional.empty(), 11), "another department");
    }
}
