package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.employee;
import static io.attendance.adapter.redis.Attendances.eventually;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.listing;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What the cache leaves in Redis: key names, expiry, JSON, what a change hides, and its meters. */
class RedisReadCacheStorageTest {
    private static final Duration ENTRY_TTL = Duration.ofSeconds(60);
    private static final WorkDate FIRST = WorkDate.of(2026, 11, 1);
    private static final WorkDate LAST = WorkDate.of(2026, 11, 30);
    private static final Instant NANOS = Instant.parse("2026-11-27T08:30:00.123456789Z");
    private static final Employee ADA_IN_FULL = new Employee(ADA, new EmployeeDetails("Ada \"Countess\" Lovelace – ünïcödé",
            Optional.of("Analytical Engines"), ZoneId.of("America/Argentina/Buenos_Aires"), false), 12, NANOS,
            NANOS.plusNanos(1));
    private static final Employee BOB_BARE = new Employee(BOB, new EmployeeDetails("Bob", Optional.empty(),
            ZoneId.of("UTC"), true), 1, NANOS, NANOS);
    private static final AttendanceRecord HALF_DAY_IN_FULL = new AttendanceRecord(ADA, DAY,
            DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.BATCH)
                    .checkIn(NANOS)
                    .checkOut(NANOS.plusSeconds(4 * 3600).plusNanos(1))
                    .note("Left at noon:\n\"dentist\" – ünïcödé\tok")
                    .build(), 7, NANOS, NANOS.plusNanos(999));
    private static final AttendanceRecord ABSENT_BARE = new AttendanceRecord(BOB, WorkDate.of(1970, 1, 1),
            DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.V1), 1, NANOS, NANOS);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private String url;
    private RedisStore store;
    private ReadCache cache;
    private UnifiedJedis redis;

    @BeforeEach
    void connect() {
        url = TestRedis.emptyDatabaseUrl();
        store = TestRedis.store(url, ENTRY_TTL, registry);
        cache = store.readCache();
        redis = TestRedis.client(url);
    }

    @AfterEach
    void disconnect() {
        store.close();
        redis.close();
    }

    @Test
    void entriesLiveUnderNamespacedKeysInOneHashSlotWithTheGenerationTheyWereStoredUnder() {
        fillEveryEntryOf(ADA, 1);

        String epoch = redis.get("att:{att}:gen:epoch");
        String employeeGeneration = epoch + "." + redis.get("att:{att}:gen:emp:E-1");
        String listingGeneration = epoch + "." + redis.get("att:{att}:gen:listings");
        Set<String> keys = keys();
        assertThat(keys).hasSize(10).allSatisfy(key -> assertThat(key).startsWith("att:{att}:")).contains(
                "att:{att}:gen:epoch", "att:{att}:gen:emp:E-1", "att:{att}:gen:listings",
                CacheKeys.ENTRY_PREFIX + "emp:E-1:latest",
                CacheKeys.ENTRY_PREFIX + "emp:E-1:employee",
                CacheKeys.ENTRY_PREFIX + "list:rendered-attendance-listing");
        String digest = ":[A-Za-z0-9_-]{43}";
        for (String employeeEntry : List.of("latest", "employee", "record" + digest, "records" + digest)) {
            assertThat(redis.hget(keyMatching(Pattern.quote(CacheKeys.ENTRY_PREFIX) + "emp:E-1:" + employeeEntry), "g"))
                    .as(employeeEntry).isEqualTo(employeeGeneration);
        }
        for (String listing : List.of("rendered-attendance-listing", "attendance-page" + digest, "employee-page" + digest)) {
            assertThat(redis.hget(keyMatching(Pattern.quote(CacheKeys.ENTRY_PREFIX) + "list:" + listing), "g"))
                    .as(listing).isEqualTo(listingGeneration);
        }
    }

    @Test
    void everyKeyTheCacheWritesExpires() {
        fillEveryEntryOf(ADA, 1);
        fillEveryEntryOf(BOB, 1);
        fill(cache.lookup(CachedReads.latestAttendance(new EmployeeId("C-3"))), Optional.empty());
        cache.employeeChanged(ADA);
        fillEveryEntryOf(ADA, 2);

        long generationTtl = RedisReadCache.generationTtl(ENTRY_TTL).toSeconds();
        // entries: four of Ada's (refilled in place), four of Bob's, one of C-3, four listings;
        // generations: epoch, listings, three employees
        assertThat(keys()).hasSize(13 + 5).allSatisfy(key -> {
            assertThat(key).startsWith("att:");
            long ttl = redis.ttl(key);
            assertThat(ttl).as("seconds left for %s", key)
                    .isPositive()
                    .isLessThanOrEqualTo(key.startsWith(CacheKeys.ENTRY_PREFIX) ? ENTRY_TTL.toSeconds() : generationTtl);
        });
    }

    /** The ttl is read from Redis rather than timed, so a busy machine cannot make it look longer or shorter. */
    @Test
    void anEntryIsGoneOnceItsTtlHasPassed() {
        Duration ttl = Duration.ofSeconds(2);
        try (RedisStore shortLived = TestRedis.store(url, ttl, registry)) {
            ReadCache cache = shortLived.readCache();
            CacheKey<Optional<AttendanceRecord>> day = CachedReads.record(ADA, DAY);
            CacheKey<List<AttendanceRecord>> page = CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10);
            fill(cache.lookup(day), Optional.of(record(ADA, 1)));
            fill(cache.lookup(page), List.of(record(ADA, 1)));

            assertThat(valueKeys()).hasSize(2).allSatisfy(key -> assertThat(redis.pttl(key)).as("ms left for %s", key)
                    .isPositive()
                    .isLessThanOrEqualTo(ttl.toMillis()));

            eventually(() -> cache.lookup(day) instanceof Cached.Miss && cache.lookup(page) instanceof Cached.Miss);
            assertThat(valueKeys()).as("expired by Redis").isEmpty();
        }
    }

    @Test
    void everyFieldComesBackEqualWithInstantsToTheNanosecondAndBytesAsTheyWere() {
        EmployeeAttendance adaHalfDay = new EmployeeAttendance(ADA_IN_FULL, HALF_DAY_IN_FULL);
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(adaHalfDay));
        byte[] everyByteValue = new byte[256];
        for (int b = 0; b < everyByteValue.length; b++) {
            everyByteValue[b] = (byte) b;
        }
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), everyByteValue);
        fill(cache.lookup(CachedReads.employee(ADA)), Optional.of(ADA_IN_FULL));
        fill(cache.lookup(CachedReads.employee(BOB)), Optional.of(BOB_BARE));
        fill(cache.lookup(CachedReads.record(ADA, DAY)), Optional.of(HALF_DAY_IN_FULL));
        fill(cache.lookup(CachedReads.record(BOB, ABSENT_BARE.date())), Optional.of(ABSENT_BARE));
        fill(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST)), List.of(HALF_DAY_IN_FULL));
        fill(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 2)),
                List.of(ABSENT_BARE, HALF_DAY_IN_FULL));
        fill(cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 2)),
                List.of(BOB_BARE, ADA_IN_FULL));

        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(adaHalfDay);
        assertThat(hitValue(cache.lookup(CachedReads.renderedAttendanceListing()))).isEqualTo(everyByteValue);
        assertThat(hitValue(cache.lookup(CachedReads.employee(ADA)))).contains(ADA_IN_FULL);
        assertThat(hitValue(cache.lookup(CachedReads.employee(BOB)))).contains(BOB_BARE);
        assertThat(hitValue(cache.lookup(CachedReads.record(ADA, DAY)))).contains(HALF_DAY_IN_FULL);
        assertThat(hitValue(cache.lookup(CachedReads.record(BOB, ABSENT_BARE.date())))).contains(ABSENT_BARE);
        assertThat(hitValue(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST)))).containsExactly(HALF_DAY_IN_FULL);
        assertThat(hitValue(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 2))))
                .containsExactly(ABSENT_BARE, HALF_DAY_IN_FULL);
        assertThat(hitValue(cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 2))))
                .containsExactly(BOB_BARE, ADA_IN_FULL);
    }

    @Test
    void emptyAnswersAreCachedAsSuch() {
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.empty());
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), new byte[0]);
        fill(cache.lookup(CachedReads.employee(ADA)), Optional.empty());
        fill(cache.lookup(CachedReads.record(ADA, DAY)), Optional.empty());
        fill(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST)), List.of());
        fill(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10)), List.of());
        fill(cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10)), List.of());

        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.renderedAttendanceListing()))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.employee(ADA)))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.record(ADA, DAY)))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST)))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10)))).isEmpty();
        assertThat(hitValue(cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10)))).isEmpty();
    }

    @Test
    void theJsonIsPlainAndReadable() {
        fill(cache.lookup(CachedReads.record(ADA, DAY)), Optional.of(HALF_DAY_IN_FULL));
        fill(cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10)), List.of(BOB_BARE));
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.empty());

        assertThat(valueOf(CacheKeys.ENTRY_PREFIX + "emp:E-1:record:")).isEqualTo("{\"value\":{\"employeeId\":\"E-1\","
                + "\"date\":\"2026-11-27\",\"status\":\"HALF_DAY\",\"checkIn\":\"2026-11-27T08:30:00.123456789Z\","
                + "\"checkOut\":\"2026-11-27T12:30:00.123456790Z\","
                + "\"note\":\"Left at noon:\\n\\\"dentist\\\" – ünïcödé\\tok\",\"source\":\"BATCH\",\"version\":7,"
                + "\"createdAt\":\"2026-11-27T08:30:00.123456789Z\",\"updatedAt\":\"2026-11-27T08:30:00.123457788Z\"}}");
        assertThat(valueOf(CacheKeys.ENTRY_PREFIX + "list:employee-page:")).isEqualTo("{\"values\":[{\"id\":\"B-2\",\"name\":\"Bob\","
                + "\"department\":null,\"timezone\":\"UTC\",\"active\":true,\"version\":1,"
                + "\"createdAt\":\"2026-11-27T08:30:00.123456789Z\",\"updatedAt\":\"2026-11-27T08:30:00.123456789Z\"}]}");
        assertThat(valueOf(CacheKeys.ENTRY_PREFIX + "emp:B-2:latest")).isEqualTo("{\"value\":null}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "null",
            "{}",
            "{\"value\":{\"employeeId\":\"not an id!\"}}",
            "{\"value\":{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"SICK\",\"checkIn\":null,"
                    + "\"checkOut\":null,\"note\":null,\"source\":\"API\",\"version\":1,"
                    + "\"createdAt\":\"2026-11-27T08:30:00Z\",\"updatedAt\":\"2026-11-27T08:30:00Z\"}}",
            "{\"value\":{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"ABSENT\","
                    + "\"checkIn\":\"2026-11-27T08:30:00Z\",\"checkOut\":null,\"note\":null,\"source\":\"API\","
                    + "\"version\":1,\"createdAt\":\"2026-11-27T08:30:00Z\",\"updatedAt\":\"2026-11-27T08:30:00Z\"}}",
            "{\"value\":{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"PRESENT\",\"checkIn\":null,"
                    + "\"checkOut\":null,\"note\":null,\"source\":\"API\","
                    + "\"createdAt\":\"2026-11-27T08:30:00Z\",\"updatedAt\":\"2026-11-27T08:30:00Z\"}}"})
    void anUnreadableEntryIsACountedMissThatTheNextFillRepairs(String unreadable) {
        fill(cache.lookup(CachedReads.record(ADA, DAY)), Optional.of(record(ADA, 1)));
        redis.hset(keyStartingWith(CacheKeys.ENTRY_PREFIX + "emp:E-1:record:"), "v", unreadable);

        Cached<Optional<AttendanceRecord>> lookup = cache.lookup(CachedReads.record(ADA, DAY));

        assertThat(lookup).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors", "operation", "decode")).isEqualTo(1);
        fill(lookup, Optional.of(record(ADA, 1)));
        assertThat(hitValue(cache.lookup(CachedReads.record(ADA, DAY)))).contains(record(ADA, 1));
    }

    @Test
    void aListHoldingANullIsNotCachedAndCountedAsUnwritable() {
        List<AttendanceRecord> withANull = new ArrayList<>();
        withANull.add(null);

        fill(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST)), withANull);

        assertThat(count(registry, "cache.errors", "operation", "encode")).isEqualTo(1);
        assertThat(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST))).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void aChangeHidesEveryEntryOfTheEmployeeAndEveryListingButNoEntryOfAnotherEmployee() {
        fillEveryEntryOf(ADA, 1);
        fillEveryEntryOf(BOB, 1);
        EmployeeQuery onlyBob = new EmployeeQuery(Optional.empty(), Optional.empty(), Optional.of("Employee B"));
        fill(cache.lookup(CachedReads.employeePage(onlyBob, Optional.empty(), 10)), List.of(employee(BOB, 1)));

        cache.employeeChanged(ADA);

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.employee(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.record(ADA, DAY))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.recordsOfEmployee(ADA, FIRST, LAST))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.attendancePage(pageOf(BOB), Optional.empty(), 10))).as("a page of Bob's only")
                .isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.employeePage(onlyBob, Optional.empty(), 10))).as("a page of Bob only")
                .isInstanceOf(Cached.Miss.class);
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(BOB)))).contains(attendance(BOB, 1));
        assertThat(hitValue(cache.lookup(CachedReads.employee(BOB)))).contains(employee(BOB, 1));
        assertThat(hitValue(cache.lookup(CachedReads.record(BOB, DAY)))).contains(record(BOB, 1));
        assertThat(hitValue(cache.lookup(CachedReads.recordsOfEmployee(BOB, FIRST, LAST)))).containsExactly(record(BOB, 1));
    }

    @Test
    void aVanishedGenerationKeyNeverBringsBackAValueParkedUnderAnOlderGeneration() {
        Cached<Optional<EmployeeAttendance>> slowReader = cache.lookup(CachedReads.latestAttendance(ADA));
        Cached<Optional<AttendanceRecord>> slowRecordReader = cache.lookup(CachedReads.record(ADA, DAY));
        Cached<byte[]> slowListReader = cache.lookup(CachedReads.renderedAttendanceListing());
        Cached<List<AttendanceRecord>> slowPageReader =
                cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10));
        cache.employeeChanged(ADA);
        fill(slowReader, Optional.of(attendance(ADA, 1)));
        fill(slowRecordReader, Optional.of(record(ADA, 1)));
        fill(slowListReader, listing(attendance(ADA, 1)));
        fill(slowPageReader, List.of(record(ADA, 1)));

        // as if Redis had evicted or expired every generation key
        redis.del("att:{att}:gen:epoch", "att:{att}:gen:emp:E-1", "att:{att}:gen:listings");

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.record(ADA, DAY))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), 10))).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void aChangeOnAGenerationKeyThatVanishedStillHidesEarlierValues() {
        fill(cache.lookup(CachedReads.employee(ADA)), Optional.of(employee(ADA, 1)));
        redis.del("att:{att}:gen:emp:E-1");
        Cached<Optional<Employee>> reseeded = cache.lookup(CachedReads.employee(ADA));
        fill(reseeded, Optional.of(employee(ADA, 1)));

        cache.employeeChanged(ADA);

        assertThat(cache.lookup(CachedReads.employee(ADA))).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void hitsMissesPutsAndInvalidationsAreCountedPerEntryWhateverTheQuery() {
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        cache.lookup(CachedReads.latestAttendance(ADA));
        cache.lookup(CachedReads.latestAttendance(ADA));
        cache.lookup(CachedReads.renderedAttendanceListing());
        for (int limit = 1; limit <= 5; limit++) {
            fill(cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), limit)), List.of());
            cache.lookup(CachedReads.attendancePage(NOVEMBER, Optional.empty(), limit));
            EmployeeQuery department = new EmployeeQuery(Optional.of("dept " + limit), Optional.empty(), Optional.empty());
            fill(cache.lookup(CachedReads.employeePage(department, Optional.empty(), limit)), List.of());
        }
        cache.employeeChanged(ADA);

        assertThat(count(registry, "cache.gets", "cache", "attendance", "entry", "latest", "result", "hit")).isEqualTo(2);
        assertThat(count(registry, "cache.gets", "cache", "attendance", "entry", "latest", "result", "miss")).isEqualTo(1);
        assertThat(count(registry, "cache.gets", "cache", "attendance", "entry", "rendered-attendance-listing",
                "result", "miss")).isEqualTo(1);
        assertThat(count(registry, "cache.gets", "cache", "attendance", "entry", "attendance-page", "result", "miss")).isEqualTo(5);
        assertThat(count(registry, "cache.gets", "cache", "attendance", "entry", "attendance-page", "result", "hit")).isEqualTo(5);
        assertThat(count(registry, "cache.puts", "cache", "attendance", "entry", "latest")).isEqualTo(1);
        assertThat(count(registry, "cache.puts", "cache", "attendance", "entry", "attendance-page")).isEqualTo(5);
        assertThat(count(registry, "cache.puts", "cache", "attendance", "entry", "employee-page")).isEqualTo(5);
        assertThat(count(registry, "cache.invalidations", "cache", "attendance")).isEqualTo(1);
        assertThat(count(registry, "cache.errors")).isZero();
        assertThat(registry.find("cache.gets").meters().stream().map(meter -> meter.getId().getTag("entry"))
                .collect(Collectors.toSet()))
                .as("one tag value per kind of entry, never one per query")
                .containsExactlyInAnyOrderElementsOf(CachedReads.every().stream().map(CachedRead::name).toList());
        assertThat(registry.getMeters()).map(Meter::getId).allSatisfy(id -> assertThat(id.getTags())
                .noneMatch(tag -> tag.getValue().contains("dept")));
    }

    @Test
    void aLostScriptCacheIsReloadedWithoutAFault() {
        fill(cache.lookup(CachedReads.record(ADA, DAY)), Optional.of(record(ADA, 1)));

        redis.scriptFlush();

        assertThat(hitValue(cache.lookup(CachedReads.record(ADA, DAY)))).contains(record(ADA, 1));
        cache.employeeChanged(ADA);
        assertThat(cache.lookup(CachedReads.record(ADA, DAY))).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors")).isZero();
    }

    /** Fills each kind of entry: the employee's four, and the three listings as seen with this employee in them. */
    private void fillEveryEntryOf(EmployeeId id, long version) {
        fill(cache.lookup(CachedReads.latestAttendance(id)), Optional.of(attendance(id, version)));
        fill(cache.lookup(CachedReads.employee(id)), Optional.of(employee(id, version)));
        fill(cache.lookup(CachedReads.record(id, DAY)), Optional.of(record(id, version)));
        fill(cache.lookup(CachedReads.recordsOfEmployee(id, FIRST, LAST)), List.of(record(id, version)));
        fillWhenMissing(CachedReads.renderedAttendanceListing(), listing(attendance(id, version)));
        fillWhenMissing(CachedReads.attendancePage(pageOf(id), Optional.empty(), 10), List.of(record(id, version)));
        fillWhenMissing(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10),
                List.of(employee(id, version)));
    }

    private <T> void fillWhenMissing(CacheKey<T> key, T value) {
        if (cache.lookup(key) instanceof Cached.Miss<T> miss) {
            miss.fill(value);
        }
    }

    private static AttendanceQuery pageOf(EmployeeId id) {
        return new AttendanceQuery(FIRST, LAST, Optional.of(id), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private String valueOf(String keyPrefix) {
        return redis.hget(keyStartingWith(keyPrefix), "v");
    }

    private String keyMatching(String pattern) {
        return keys().stream().filter(Pattern.compile(pattern).asMatchPredicate()).findFirst().orElseThrow();
    }

    private String keyStartingWith(String prefix) {
        return keys().stream().filter(key -> key.startsWith(prefix)).findFirst().orElseThrow();
    }

    private Set<String> valueKeys() {
        return keys().stream().filter(key -> key.startsWith(CacheKeys.ENTRY_PREFIX)).collect(Collectors.toSet());
    }

    private Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match("*").count(100));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
