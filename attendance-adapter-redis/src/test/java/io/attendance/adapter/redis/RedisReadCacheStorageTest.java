package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What the cache leaves in Redis: key names, expiry, JSON, and its meters. */
class RedisReadCacheStorageTest {
    private static final Duration ENTRY_TTL = Duration.ofSeconds(60);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private String url;
    private RedisStore store;
    private ReadCache cache;
    private RedisClient redis;

    @BeforeEach
    void connect() {
        url = TestRedis.emptyDatabaseUrl();
        store = RedisStore.connect(url, ENTRY_TTL, registry);
        cache = store.readCache();
        redis = TestRedis.client(url);
    }

    @AfterEach
    void disconnect() {
        store.close();
        redis.close();
    }

    @Test
    void valuesLiveUnderNamespacedKeysThatNameTheirGeneration() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
        fill(cache.allAttendance(), List.of(attendance(ADA, 1)));

        String epoch = redis.get(RedisReadCache.EPOCH_KEY);
        String generation = epoch + "." + redis.get("att:gen:emp:E-1");
        String listGeneration = epoch + "." + redis.get("att:gen:all");
        assertThat(keys()).containsExactlyInAnyOrder(
                "att:gen:epoch", "att:gen:emp:E-1", "att:gen:all",
                "att:v1:latest:E-1:g" + generation, "att:v1:all:g" + listGeneration);
    }

    @Test
    void everyKeyTheCacheWritesExpires() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
        fill(cache.latestAttendance(BOB), Optional.empty());
        fill(cache.allAttendance(), List.of(attendance(ADA, 1)));
        cache.attendanceChanged(ADA);
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 2)));

        long generationTtl = RedisReadCache.generationTtl(ENTRY_TTL).toSeconds();
        assertThat(keys()).hasSize(8).allSatisfy(key -> {
            long ttl = redis.ttl(key);
            assertThat(ttl).as("seconds left for %s", key)
                    .isPositive()
                    .isLessThanOrEqualTo(key.startsWith("att:v1:") ? ENTRY_TTL.toSeconds() : generationTtl);
        });
    }

    @Test
    void anEntryIsGoneOnceItsTtlHasPassed() throws InterruptedException {
        try (RedisStore shortLived = RedisStore.connect(url, Duration.ofMillis(150), registry)) {
            fill(shortLived.readCache().latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
            assertThat(shortLived.readCache().latestAttendance(ADA)).isInstanceOf(Cached.Hit.class);

            Thread.sleep(400);

            assertThat(shortLived.readCache().latestAttendance(ADA)).isInstanceOf(Cached.Miss.class);
        }
    }

    @Test
    void instantsComeBackToTheNanosecondAndEveryFieldIsKept() {
        Instant created = Instant.parse("2026-11-27T08:30:00.123456789Z");
        EmployeeAttendance halfDay = new EmployeeAttendance(new Employee(ADA, "Ada \"Countess\" Lovelace – ünïcödé"),
                new AttendanceRecord(ADA, WorkDate.of(1970, 1, 1), AttendanceStatus.HALF_DAY, 7, created,
                        created.plusNanos(1)));

        fill(cache.latestAttendance(ADA), Optional.of(halfDay));

        assertThat(hitValue(cache.latestAttendance(ADA))).contains(halfDay);
    }

    @Test
    void theJsonIsPlainAndReadable() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 3)));

        String json = redis.get(keys().stream().filter(key -> key.startsWith("att:v1:latest:")).findFirst().orElseThrow());

        assertThat(json).isEqualTo("{\"entry\":{\"employeeId\":\"E-1\",\"name\":\"Employee E-1\",\"date\":\"2026-11-27\","
                + "\"status\":\"PRESENT\",\"version\":3,\"createdAt\":\"2026-11-27T08:30:00.123456Z\","
                + "\"updatedAt\":\"2026-11-27T08:30:03.123456Z\"}}");
    }

    @Test
    void anUnreadableEntryIsACountedMissThatTheNextFillRepairs() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
        String valueKey = keys().stream().filter(key -> key.startsWith("att:v1:latest:")).findFirst().orElseThrow();
        redis.set(valueKey, "{\"entry\":{\"employeeId\":\"not an id!\"}}");

        Cached<Optional<EmployeeAttendance>> lookup = cache.latestAttendance(ADA);

        assertThat(lookup).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors", "operation", "decode")).isEqualTo(1);
        fill(lookup, Optional.of(attendance(ADA, 1)));
        assertThat(hitValue(cache.latestAttendance(ADA))).contains(attendance(ADA, 1));
    }

    @Test
    void aVanishedGenerationKeyNeverBringsBackAValueParkedUnderAnOlderGeneration() {
        Cached<Optional<EmployeeAttendance>> slowReader = cache.latestAttendance(ADA);
        Cached<List<EmployeeAttendance>> slowListReader = cache.allAttendance();
        cache.attendanceChanged(ADA);
        fill(slowReader, Optional.of(attendance(ADA, 1)));
        fill(slowListReader, List.of(attendance(ADA, 1)));

        // as if Redis had evicted or expired every generation key
        redis.del(RedisReadCache.EPOCH_KEY, "att:gen:emp:E-1", "att:gen:all");

        assertThat(cache.latestAttendance(ADA)).isInstanceOf(Cached.Miss.class);
        assertThat(cache.allAttendance()).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void aChangeOnAGenerationKeyThatVanishedStillHidesEarlierValues() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
        redis.del("att:gen:emp:E-1");
        Cached<Optional<EmployeeAttendance>> reseeded = cache.latestAttendance(ADA);
        fill(reseeded, Optional.of(attendance(ADA, 1)));

        cache.attendanceChanged(ADA);

        assertThat(cache.latestAttendance(ADA)).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void hitsMissesPutsAndInvalidationsAreCountedPerEntry() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));
        cache.latestAttendance(ADA);
        cache.latestAttendance(ADA);
        cache.allAttendance();
        cache.attendanceChanged(ADA);

        assertThat(count(registry, "cache.gets", "cache", "v1", "entry", "latest", "result", "hit")).isEqualTo(2);
        assertThat(count(registry, "cache.gets", "cache", "v1", "entry", "latest", "result", "miss")).isEqualTo(1);
        assertThat(count(registry, "cache.gets", "cache", "v1", "entry", "all", "result", "miss")).isEqualTo(1);
        assertThat(count(registry, "cache.puts", "cache", "v1", "entry", "latest")).isEqualTo(1);
        assertThat(count(registry, "cache.invalidations", "cache", "v1")).isEqualTo(1);
        assertThat(count(registry, "cache.errors")).isZero();
    }

    @Test
    void aLostScriptCacheIsReloadedWithoutAFault() {
        fill(cache.latestAttendance(ADA), Optional.of(attendance(ADA, 1)));

        redis.scriptFlush();

        assertThat(hitValue(cache.latestAttendance(ADA))).contains(attendance(ADA, 1));
        cache.attendanceChanged(ADA);
        assertThat(cache.latestAttendance(ADA)).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors")).isZero();
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
