package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.employee;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Every argument of a page is part of its key: distinct pages never share an entry, equal ones always do. */
class RedisReadCacheListingKeysTest {
    private static final Optional<AttendanceKey> AFTER_ADA = Optional.of(new AttendanceKey(DAY, ADA));
    private static final String LONG_DEPARTMENT = "D".repeat(100);

    private String url;
    private RedisStore store;
    private ReadCache cache;

    @BeforeEach
    void connect() {
        url = TestRedis.emptyDatabaseUrl();
        store = TestRedis.store(url, Duration.ofSeconds(60), new SimpleMeterRegistry());
        cache = store.readCache();
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void attendancePagesThatDifferInAnyArgumentNeverShareAnEntry() {
        List<CacheKey<List<AttendanceRecord>>> pages = List.of(
                CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10),
                CachedReads.attendancePage(november(WorkDate.of(2026, 11, 2), NOVEMBER.to(), null, null, null, null),
                        Optional.empty(), 10),
                CachedReads.attendancePage(november(NOVEMBER.from(), WorkDate.of(2026, 11, 29), null, null, null, null),
                        Optional.empty(), 10),
                CachedReads.attendancePage(november(ADA, null, null, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(BOB, null, null, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, "Sales", null, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, "Sales;", null, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, LONG_DEPARTMENT, null, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, null, AttendanceStatus.PRESENT, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, null, AttendanceStatus.ABSENT, null), Optional.empty(), 10),
                CachedReads.attendancePage(november(null, null, null, Instant.parse("2026-11-27T08:00:00Z")),
                        Optional.empty(), 10),
                CachedReads.attendancePage(november(null, null, null, Instant.parse("2026-11-27T08:00:00.000001Z")),
                        Optional.empty(), 10),
                CachedReads.attendancePage(NOVEMBER, AFTER_ADA, 10),
                CachedReads.attendancePage(NOVEMBER, Optional.of(new AttendanceKey(DAY, BOB)), 10),
                CachedReads.attendancePage(NOVEMBER, Optional.of(new AttendanceKey(WorkDate.of(2026, 11, 28), ADA)), 10),
                CachedReads.attendancePage(NOVEMBER, Optional.empty(), 11),
                CachedReads.attendancePage(NOVEMBER, Optional.empty(), 1));

        assertEachHasItsOwnEntry(pages, index -> List.of(record(ADA, index + 1)));
        assertThat(valueKeys()).hasSize(pages.size()).allSatisfy(key -> assertThat(key.length()).isLessThan(120));
    }

    @Test
    void employeePagesThatDifferInAnyArgumentNeverShareAnEntry() {
        List<CacheKey<List<Employee>>> pages = List.of(
                CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10),
                CachedReads.employeePage(employees("Sales", null, null), Optional.empty(), 10),
                CachedReads.employeePage(employees(null, true, null), Optional.empty(), 10),
                CachedReads.employeePage(employees(null, false, null), Optional.empty(), 10),
                CachedReads.employeePage(employees(null, null, "ad"), Optional.empty(), 10),
                CachedReads.employeePage(employees(null, null, "Ad"), Optional.empty(), 10),
                // the same text, split differently between the department and the name prefix
                CachedReads.employeePage(employees("A&active=&q=B", null, null), Optional.empty(), 10),
                CachedReads.employeePage(employees("A", null, "B&active=&q="), Optional.empty(), 10),
                CachedReads.employeePage(employees("A;", null, "B"), Optional.empty(), 10),
                CachedReads.employeePage(employees("A", null, ";B"), Optional.empty(), 10),
                CachedReads.employeePage(employees(LONG_DEPARTMENT, false, "N".repeat(200)), Optional.empty(), 10),
                CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.of(ADA), 10),
                CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.of(BOB), 10),
                CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 100));

        assertEachHasItsOwnEntry(pages, index -> List.of(employee(ADA, index + 1)));
        assertThat(valueKeys()).hasSize(pages.size()).allSatisfy(key -> assertThat(key.length()).isLessThan(120));
    }

    @Test
    void equalArgumentsBuiltAnewFindTheSameEntry() {
        fill(cache.lookup(CachedReads.attendancePage(november(ADA, "Sales", AttendanceStatus.PRESENT,
                Instant.parse("2026-11-01T00:00:00Z")), AFTER_ADA, 50)), List.of(record(BOB, 3)));
        fill(cache.lookup(CachedReads.employeePage(employees(" Sales ", true, "ad"), Optional.of(BOB), 50)),
                List.of(employee(ADA, 3)));

        assertThat(hitValue(cache.lookup(CachedReads.attendancePage(november(new EmployeeId("E-1"), "Sales",
                AttendanceStatus.PRESENT, Instant.parse("2026-11-01T00:00:00Z")),
                Optional.of(new AttendanceKey(WorkDate.of(2026, 11, 27), new EmployeeId("E-1"))), 50))))
                .containsExactly(record(BOB, 3));
        assertThat(hitValue(cache.lookup(CachedReads.employeePage(employees("Sales", true, "ad"),
                Optional.of(new EmployeeId("B-2")), 50))))
                .containsExactly(employee(ADA, 3));
    }

    private <T> void assertEachHasItsOwnEntry(List<CacheKey<T>> keys, IntFunction<T> valueNumbered) {
        for (int i = 0; i < keys.size(); i++) {
            fill(cache.lookup(keys.get(i)), valueNumbered.apply(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(hitValue(cache.lookup(keys.get(i)))).as("page %d", i).isEqualTo(valueNumbered.apply(i));
        }
    }

    private List<String> valueKeys() {
        try (UnifiedJedis redis = TestRedis.client(url)) {
            return List.copyOf(redis.keys(CacheKeys.ENTRY_PREFIX + "*"));
        }
    }

    private static AttendanceQuery november(EmployeeId employeeId, String department, AttendanceStatus status,
                                            Instant updatedSince) {
        return november(NOVEMBER.from(), NOVEMBER.to(), employeeId, department, status, updatedSince);
    }

    private static AttendanceQuery november(WorkDate from, WorkDate to, EmployeeId employeeId, String department,
                                            AttendanceStatus status, Instant updatedSince) {
        return new AttendanceQuery(from, to, Optional.ofNullable(employeeId), Optional.ofNullable(department),
                Optional.ofNullable(status), Optional.ofNullable(updatedSince));
    }

    private static EmployeeQuery employees(String department, Boolean active, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.ofNullable(active),
                Optional.ofNullable(namePrefix));
    }
}
