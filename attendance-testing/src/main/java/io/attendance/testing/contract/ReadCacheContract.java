package io.attendance.testing.contract;

import static io.attendance.testing.contract.CachedSamples.ADA;
import static io.attendance.testing.contract.CachedSamples.ADA_FULL;
import static io.attendance.testing.contract.CachedSamples.ADA_LATEST;
import static io.attendance.testing.contract.CachedSamples.ADA_NEXT;
import static io.attendance.testing.contract.CachedSamples.ADA_TEN;
import static io.attendance.testing.contract.CachedSamples.ADA_TEN_WORKED;
import static io.attendance.testing.contract.CachedSamples.BOB;
import static io.attendance.testing.contract.CachedSamples.BOB_BARE;
import static io.attendance.testing.contract.CachedSamples.CREATED;
import static io.attendance.testing.contract.CachedSamples.DAY;
import static io.attendance.testing.contract.CachedSamples.NEXT_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CachedRead.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadCache} promises, for every read declared in {@link CachedReads}; run against
 * the in-memory fake and the Redis adapter. Values come from {@link CachedSamples}, so that a
 * serialising cache shows its round-trip faults.
 */
public abstract class ReadCacheContract {
    /** No arguments, and arguments with text that breaks naive key building. */
    private static final List<List<String>> ARGUMENTS = List.of(List.of(),
            List.of(DAY.toString(), "=R&D: *core* {\"x\":1} 100%", "-", "=a\u00a0b|c:d;", "101"));

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

    /** One key with the value it is filled with, a value no other entry of these tests has. */
    private record Entry<T>(CacheKey<T> key, T value) {
        String name() {
            return key.read() + key.employee().map(id -> "(" + id + ")").orElse("") + key.arguments();
        }
    }

    private <T> void fill(Entry<T> entry) {
        fill(cache.lookup(entry.key()), entry.value());
    }

    private <T> void assertHit(Entry<T> entry) {
        assertThat(hitValue(cache.lookup(entry.key()))).as(entry.name()).isEqualTo(entry.value());
    }

    private void assertMiss(Entry<?> entry) {
        assertMiss(cache.lookup(entry.key()), entry.name());
    }

    /** Every declared read of that scope, keyed by each of the owners, with each list of {@link #ARGUMENTS}. */
    private static List<Entry<?>> entries(Scope scope, List<Optional<EmployeeId>> owners, int firstSample) {
        List<Entry<?>> entries = new ArrayList<>();
        for (CachedRead<?> read : CachedReads.every()) {
            if (read.scope() != scope) {
                continue;
            }
            for (Optional<EmployeeId> owner : owners) {
                for (List<String> arguments : ARGUMENTS) {
                    entries.add(entry(read, owner, arguments, firstSample + entries.size()));
                }
            }
        }
        return entries;
    }

    private static <T> Entry<T> entry(CachedRead<T> read, Optional<EmployeeId> owner, List<String> arguments, int sample) {
        return new Entry<>(new CacheKey<>(read, owner, arguments), CachedSamples.of(read.value(), sample));
    }

    private static List<Entry<?>> adaEntries() {
        return entries(Scope.EMPLOYEE, List.of(Optional.of(ADA.id())), 0);
    }

    /** Bob's entries and those of E-10, whose id starts with Ada's. */
    private static List<Entry<?>> otherEmployeesEntries() {
        return entries(Scope.EMPLOYEE, List.of(Optional.of(BOB.id()), Optional.of(ADA_TEN.id())), 80);
    }

    /** Every listing; none of them mentions E-10, whose change must hide them all the same. */
    private static List<Entry<?>> listings() {
        return entries(Scope.LISTINGS, List.of(Optional.empty()), 160);
    }

    private static List<Entry<?>> everyEntry() {
        List<Entry<?>> all = new ArrayList<>(adaEntries());
        all.addAll(otherEmployeesEntries());
        all.addAll(listings());
        return all;
    }

    @Test
    void everyDeclaredReadIsExercisedForItsScope() {
        assertThat(everyEntry().stream().<CachedRead<?>>map(entry -> entry.key().read()).distinct())
                .containsExactlyInAnyOrderElementsOf(CachedReads.every());
        assertThat(adaEntries()).isNotEmpty();
        assertThat(listings()).isNotEmpty();
    }

    @Test
    void anEmptyCacheMissesEveryLookup() {
        everyEntry().forEach(this::assertMiss);
    }

    @Test
    void everyFilledEntryIsAHitWithAnEqualValue() {
        everyEntry().forEach(this::fill);

        everyEntry().forEach(this::assertHit);
    }

    @Test
    void emptyAnswersAreCachedToo() {
        List<Entry<?>> empty = new ArrayList<>();
        for (CachedRead<?> read : CachedReads.every()) {
            empty.add(emptyEntry(read));
        }

        empty.forEach(this::fill);

        empty.forEach(this::assertHit);
    }

    private static <T> Entry<T> emptyEntry(CachedRead<T> read) {
        Optional<EmployeeId> owner = read.scope() == Scope.EMPLOYEE ? Optional.of(ADA.id()) : Optional.empty();
        return new Entry<>(new CacheKey<>(read, owner, List.of()), CachedSamples.empty(read.value()));
    }

    @Test
    void aChangeHidesTheEmployeesEntriesAndEveryListingButNotOtherEmployeesEntries() {
        everyEntry().forEach(this::fill);

        cache.employeeChanged(ADA.id());

        adaEntries().forEach(this::assertMiss);
        listings().forEach(this::assertMiss);
        otherEmployeesEntries().forEach(this::assertHit);
    }

    @Test
    void aChangeToManyEmployeesHidesEachOnesEntriesAndEveryListing() {
        everyEntry().forEach(this::fill);

        cache.employeesChanged(List.of(ADA.id(), BOB.id()));

        adaEntries().forEach(this::assertMiss);
        listings().forEach(this::assertMiss);
        otherEmployeesEntries().forEach(entry -> {
            if (entry.key().employee().equals(Optional.of(BOB.id()))) {
                assertMiss(entry);
            } else {
                assertHit(entry);
            }
        });
    }

    @Test
    void aChangeToAnyEmployeeHidesEveryListingEvenOneThatDoesNotShowThem() {
        everyEntry().forEach(this::fill);

        cache.employeeChanged(new EmployeeId("someone-never-cached"));

        listings().forEach(this::assertMiss);
        adaEntries().forEach(this::assertHit);
        otherEmployeesEntries().forEach(this::assertHit);
    }

    // ---------------------------------------------------------------- catching up with the change feed

    private static final FeedPosition FIRST = new FeedPosition(7, 0);
    private static final FeedPosition SECOND = new FeedPosition(9, 0);
    private static final FeedPosition THIRD = new FeedPosition(12, 0);

    /** Catches up with a feed that reports {@code changed} up to {@code next}, and returns the position it was asked after. */
    private Optional<FeedPosition> catchUp(Set<EmployeeId> changed, FeedPosition next) {
        List<Optional<FeedPosition>> asked = new ArrayList<>();
        cache.catchUp(after -> {
            asked.add(after);
            return new ChangeFeed.ChangedEmployees(changed, false, next);
        });
        assertThat(asked).hasSize(1);
        return asked.get(0);
    }

    @Test
    void aCacheThatKnowsNoPositionHasEveryoneCountedAsChangedAndThenGoesOnFromWhereTheFeedSaid() {
        everyEntry().forEach(this::fill);
        List<Optional<FeedPosition>> asked = new ArrayList<>();

        cache.catchUp(after -> {
            asked.add(after);
            return ChangeFeed.ChangedEmployees.everyoneUpTo(FIRST);
        });

        assertThat(asked).containsExactly(Optional.empty());
        everyEntry().forEach(this::assertMiss);
        assertThat(catchUp(Set.of(), SECOND)).contains(FIRST);
        assertThat(catchUp(Set.of(), THIRD)).contains(SECOND);
    }

    @Test
    void aCatchUpHidesTheChangedEmployeesEntriesAndEveryListingButNotOtherEmployeesEntries() {
        cache.catchUp(after -> ChangeFeed.ChangedEmployees.everyoneUpTo(FIRST));
        everyEntry().forEach(this::fill);

        assertThat(catchUp(Set.of(ADA.id()), SECOND)).contains(FIRST);

        adaEntries().forEach(this::assertMiss);
        listings().forEach(this::assertMiss);
        otherEmployeesEntries().forEach(this::assertHit);
    }

    @Test
    void aCatchUpWithNothingChangedHidesNothing() {
        cache.catchUp(after -> ChangeFeed.ChangedEmployees.everyoneUpTo(FIRST));
        everyEntry().forEach(this::fill);

        catchUp(Set.of(), SECOND);

        everyEntry().forEach(this::assertHit);
    }

    @Test
    void aValueReadBeforeACatchUpThatReportsItsChangeIsNeverServedAfterIt() {
        cache.catchUp(after -> ChangeFeed.ChangedEmployees.everyoneUpTo(FIRST));
        List<Entry<?>> affected = new ArrayList<>(adaEntries());
        affected.addAll(listings());
        List<Runnable> slowFills = affected.stream().<Runnable>map(this::slowFill).toList();

        catchUp(Set.of(ADA.id()), SECOND);
        slowFills.forEach(Runnable::run);

        affected.forEach(this::assertMiss);
    }

    @Test
    void aFeedThatFailsLeavesTheCacheWhereItWas() {
        cache.catchUp(after -> ChangeFeed.ChangedEmployees.everyoneUpTo(FIRST));
        everyEntry().forEach(this::fill);
        IllegalStateException unreachable = new IllegalStateException("the system of record is unreachable");

        assertThatThrownBy(() -> cache.catchUp(after -> {
            throw unreachable;
        })).isSameAs(unreachable);

        everyEntry().forEach(this::assertHit);
        assertThat(catchUp(Set.of(), SECOND)).contains(FIRST);
    }

    @Test
    void aValueReadBeforeAChangeIsNeverServedAfterIt() {
        List<Entry<?>> affected = new ArrayList<>(adaEntries());
        affected.addAll(listings());
        List<Runnable> slowFills = affected.stream().<Runnable>map(this::slowFill).toList();

        cache.employeeChanged(ADA.id());
        slowFills.forEach(Runnable::run);

        affected.forEach(this::assertMiss);
    }

    /** Looks the entry up now (a miss) and fills it when run: a reader that loaded its value before a change. */
    @SuppressWarnings("unchecked")
    private <T> Runnable slowFill(Entry<T> entry) {
        Cached<T> lookup = cache.lookup(entry.key());
        assertThat(lookup).as(entry.name()).isInstanceOf(Cached.Miss.class);
        return () -> ((Cached.Miss<T>) lookup).fill(entry.value());
    }

    /** The slot of a miss: what a value read for it may also answer. */
    private Object slotOf(Entry<?> entry) {
        Cached<?> lookup = cache.lookup(entry.key());
        assertThat(lookup).as(entry.name()).isInstanceOf(Cached.Miss.class);
        Optional<Object> slot = ((Cached.Miss<?>) lookup).slot();
        assertThat(slot).as(entry.name()).isPresent();
        return slot.get();
    }

    @Test
    void missesOfOneKeyUnderOneGenerationShareTheirSlotAndDistinctKeysNever() {
        List<Object> slots = everyEntry().stream().map(this::slotOf).toList();

        assertThat(everyEntry().stream().map(this::slotOf).toList()).isEqualTo(slots);
        assertThat(slots).doesNotHaveDuplicates();
    }

    @Test
    void aChangeGivesTheMissesItAffectsNewSlots() {
        List<Entry<?>> affected = new ArrayList<>(adaEntries());
        affected.addAll(listings());
        List<Object> before = affected.stream().map(this::slotOf).toList();
        List<Object> othersBefore = otherEmployeesEntries().stream().map(this::slotOf).toList();

        cache.employeeChanged(ADA.id());

        List<Object> after = affected.stream().map(this::slotOf).toList();
        for (int i = 0; i < affected.size(); i++) {
            assertThat(after.get(i)).as(affected.get(i).name()).isNotEqualTo(before.get(i));
        }
        assertThat(otherEmployeesEntries().stream().map(this::slotOf).toList()).isEqualTo(othersBefore);
    }

    @Test
    void aValueReadBeforeAnotherEmployeesChangeIsServed() {
        List<Runnable> slowFills = otherEmployeesEntries().stream().<Runnable>map(this::slowFill).toList();

        cache.employeeChanged(ADA.id());
        slowFills.forEach(Runnable::run);

        otherEmployeesEntries().forEach(this::assertHit);
    }

    @Test
    void aValueFilledAfterAChangeIsServed() {
        everyEntry().forEach(this::fill);
        cache.employeeChanged(ADA.id());
        cache.employeeChanged(ADA.id());

        adaEntries().forEach(this::fill);
        listings().forEach(this::fill);

        everyEntry().forEach(this::assertHit);
    }

    @Test
    void eachEmployeeAndDayHasItsOwnEntry() {
        fill(cache.lookup(CachedReads.latestAttendance(ADA.id())), Optional.of(ADA_LATEST));
        fill(cache.lookup(CachedReads.employee(ADA.id())), Optional.of(ADA));
        fill(cache.lookup(CachedReads.record(ADA.id(), DAY)), Optional.of(ADA_FULL));

        assertMiss(cache.lookup(CachedReads.latestAttendance(BOB.id())), "another employee's latest");
        assertMiss(cache.lookup(CachedReads.latestAttendance(ADA_TEN.id())), "an employee whose id starts with the same text");
        assertMiss(cache.lookup(CachedReads.employee(BOB.id())), "another employee");
        assertMiss(cache.lookup(CachedReads.employee(ADA_TEN.id())), "an employee whose id starts with the same text");
        assertMiss(cache.lookup(CachedReads.record(ADA.id(), NEXT_DAY)), "another day");
        assertMiss(cache.lookup(CachedReads.record(BOB.id(), DAY)), "another employee's day");
        assertMiss(cache.lookup(CachedReads.record(ADA_TEN.id(), DAY)), "an employee whose id starts with the same text");

        fill(cache.lookup(CachedReads.record(ADA.id(), NEXT_DAY)), Optional.of(ADA_NEXT));
        fill(cache.lookup(CachedReads.record(BOB.id(), DAY)), Optional.empty());
        assertThat(hitValue(cache.lookup(CachedReads.record(ADA.id(), DAY)))).contains(ADA_FULL);
        assertThat(hitValue(cache.lookup(CachedReads.record(ADA.id(), NEXT_DAY)))).contains(ADA_NEXT);
        assertThat(hitValue(cache.lookup(CachedReads.record(BOB.id(), DAY)))).isEmpty();
    }

    @Test
    void eachDateRangeOfAnEmployeeHasItsOwnEntry() {
        fill(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), DAY, NEXT_DAY)), List.of(ADA_FULL, ADA_NEXT));

        assertMiss(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), DAY, DAY)), "another end");
        assertMiss(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), NEXT_DAY, NEXT_DAY)), "another start");
        assertMiss(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), NEXT_DAY, WorkDate.of(2026, 12, 1))), "another range");
        assertMiss(cache.lookup(CachedReads.recordsOfEmployee(BOB.id(), DAY, NEXT_DAY)), "another employee");

        fill(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), DAY, DAY)), List.of(ADA_FULL));
        assertThat(hitValue(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), DAY, NEXT_DAY)))).containsExactly(ADA_FULL, ADA_NEXT);
        assertThat(hitValue(cache.lookup(CachedReads.recordsOfEmployee(ADA.id(), DAY, DAY)))).containsExactly(ADA_FULL);
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
                CachedReads::attendancePage, AttendanceQuery::canonical);
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

        assertEachHasItsOwnPage(queries, positions, List.of(ADA, BOB, ADA_TEN), CachedReads::employeePage,
                EmployeeQuery::canonical);
    }

    /** The key of one page of a listing: {@link CachedReads#attendancePage} or {@link CachedReads#employeePage}. */
    private interface PageKey<Q, P, T> {
        CacheKey<List<T>> of(Q query, Optional<P> after, int limit);
    }

    /**
     * Fills the page of every query, position and limit (2, 21, 101) with a value of its own, each
     * first checked to be a miss, then checks that every page gives back its own value.
     */
    private <Q, P, T> void assertEachHasItsOwnPage(List<Q> queries, List<Optional<P>> positions, List<T> pool,
            PageKey<Q, P, T> page, Function<Q, String> describe) {
        List<Runnable> checks = new ArrayList<>();
        int n = 0;
        for (Q query : queries) {
            for (Optional<P> after : positions) {
                for (int limit : List.of(2, 21, 101)) {
                    String name = describe.apply(query) + " after " + after + " limit " + limit;
                    List<T> value = n % 7 == 0 ? List.of()
                            : List.of(pool.get(n % pool.size()), pool.get((n / pool.size()) % pool.size())).subList(0, 1 + n % 2);
                    CacheKey<List<T>> key = page.of(query, after, limit);
                    assertMiss(cache.lookup(key), name);
                    fill(cache.lookup(key), value);
                    checks.add(() -> assertThat(hitValue(cache.lookup(page.of(query, after, limit)))).as(name).isEqualTo(value));
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

        fill(cache.lookup(CachedReads.employeePage(departmentSwallowsTheName, Optional.empty(), 11)), List.of(ADA));
        fill(cache.lookup(CachedReads.attendancePage(departmentWithAStatus, Optional.empty(), 11)), List.of(ADA_FULL));
        fill(cache.lookup(CachedReads.attendancePage(separatorInDepartment, Optional.empty(), 11)), List.of(BOB_BARE));

        assertMiss(cache.lookup(CachedReads.employeePage(nameSwallowsTheRest, Optional.empty(), 11)), "another employee query");
        assertMiss(cache.lookup(CachedReads.attendancePage(departmentAndStatus, Optional.empty(), 11)), "another attendance query");
        assertMiss(cache.lookup(CachedReads.attendancePage(otherSeparatorInDepartment, Optional.empty(), 11)), "another department");
    }
}
