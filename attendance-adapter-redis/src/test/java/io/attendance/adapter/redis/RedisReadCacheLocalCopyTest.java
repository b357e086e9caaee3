package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.listing;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Large values kept in process, and served only while Redis says they are still the current entry. */
class RedisReadCacheLocalCopyTest {
    private static final Duration ENTRY_TTL = Duration.ofSeconds(60);
    private static final CacheKey<byte[]> LISTING = CachedReads.renderedAttendanceListing();

    private String url;
    private ServiceInstance one;
    private ServiceInstance another;

    @BeforeEach
    void connect() {
        url = TestRedis.emptyDatabaseUrl();
        one = new ServiceInstance(url);
        another = new ServiceInstance(url);
    }

    @AfterEach
    void disconnect() {
        one.close();
        another.close();
    }

    @Test
    void aLargeValueIsAnsweredWithTheInstanceHeldWhileRedisSaysItIsCurrent() {
        byte[] filled = largeListing(1);
        fill(one.cache.lookup(LISTING), filled);

        assertThat(hitValue(one.cache.lookup(LISTING))).isSameAs(filled);
        assertThat(hitValue(one.cache.lookup(LISTING))).isSameAs(filled);
        byte[] readByTheOther = hitValue(another.cache.lookup(LISTING));
        assertThat(readByTheOther).isEqualTo(filled).isNotSameAs(filled);
        assertThat(hitValue(another.cache.lookup(LISTING))).isSameAs(readByTheOther);

        assertThat(count(one.registry, "cache.local.hits", "entry", "rendered-attendance-listing")).isEqualTo(2);
        assertThat(count(one.registry, "cache.gets", "result", "hit")).isEqualTo(2);
        assertThat(count(another.registry, "cache.local.hits")).isEqualTo(1);
        assertThat(one.registry.get("cache.local.bytes").gauge().value()).isEqualTo(filled.length);
    }

    @Test
    void aSmallValueIsReadFromRedisEachTime() {
        byte[] filled = listing(attendance(ADA, 1));
        fill(one.cache.lookup(LISTING), filled);

        byte[] first = hitValue(one.cache.lookup(LISTING));

        assertThat(first).isEqualTo(filled).isNotSameAs(filled);
        assertThat(hitValue(one.cache.lookup(LISTING))).isEqualTo(filled).isNotSameAs(first);
        assertThat(count(one.registry, "cache.local.hits")).isZero();
        assertThat(one.registry.get("cache.local.bytes").gauge().value()).isZero();
    }

    @Test
    void aChangeOnThisInstanceOrAnotherHidesTheCopyAtOnce() {
        fill(one.cache.lookup(LISTING), largeListing(1));

        another.cache.employeeChanged(ADA);

        Cached<byte[]> afterTheOthersChange = one.cache.lookup(LISTING);
        assertThat(afterTheOthersChange).isInstanceOf(Cached.Miss.class);
        fill(afterTheOthersChange, largeListing(2));
        assertThat(hitValue(one.cache.lookup(LISTING))).isEqualTo(largeListing(2));

        one.cache.employeeChanged(ADA);

        Cached<byte[]> afterItsOwnChange = one.cache.lookup(LISTING);
        assertThat(afterItsOwnChange).isInstanceOf(Cached.Miss.class);
        fill(afterItsOwnChange, largeListing(3));
        assertThat(hitValue(another.cache.lookup(LISTING))).isEqualTo(largeListing(3));
    }

    @Test
    void aValueAnotherInstanceStoredUnderANewGenerationReplacesTheCopy() {
        fill(one.cache.lookup(LISTING), largeListing(1));
        another.cache.employeeChanged(ADA);
        fill(another.cache.lookup(LISTING), largeListing(2));

        byte[] read = hitValue(one.cache.lookup(LISTING));

        assertThat(read).isEqualTo(largeListing(2));
        assertThat(hitValue(one.cache.lookup(LISTING))).isSameAs(read);
    }

    @Test
    void anEntryThatLeftRedisIsNotServedFromTheCopy() {
        fill(one.cache.lookup(LISTING), largeListing(1));

        try (UnifiedJedis redis = TestRedis.client(url)) {
            redis.del(CacheKeys.ENTRY_PREFIX + "list:rendered-attendance-listing");
        }

        assertThat(one.cache.lookup(LISTING)).isInstanceOf(Cached.Miss.class);
        assertThat(one.registry.get("cache.local.bytes").gauge().value()).isZero();
    }

    @Test
    void theCopiesTogetherStayWithinTheirBoundTheOneUsedLongestAgoDroppedFirst() {
        SimpleMeterRegistry bounded = new SimpleMeterRegistry();
        try (UnifiedJedis client = TestRedis.client(url)) {
            ReadCache small = new RedisReadCache(() -> client, ENTRY_TTL, bounded, RedisFaults.DEFAULT_PAUSE,
                    new LocalCopies(1_000, 5_000));
            List<List<AttendanceRecord>> pages = IntStream.range(0, 4).mapToObj(page -> records(page, 8)).toList();
            for (int page = 0; page < pages.size(); page++) {
                fill(small.lookup(pageKey(page)), pages.get(page));
                assertThat(bounded.get("cache.local.bytes").gauge().value()).isBetween(1_000.0, 5_000.0);
            }

            assertThat(hitValue(small.lookup(pageKey(3)))).isSameAs(pages.get(3));
            assertThat(hitValue(small.lookup(pageKey(0)))).isEqualTo(pages.get(0)).isNotSameAs(pages.get(0));
            assertThat(count(bounded, "cache.local.hits")).isEqualTo(1);
        }
    }

    /** About 100 KB: above the size from which a value is kept in process. */
    private static byte[] largeListing(long version) {
        byte[] listing = listing(IntStream.range(0, 10_000)
                .mapToObj(i -> attendance(new EmployeeId("E-" + i), version))
                .toArray(EmployeeAttendance[]::new));
        assertThat(listing.length).isGreaterThan(RedisReadCache.MIN_LOCAL_COPY_BYTES);
        return listing;
    }

    private static CacheKey<List<AttendanceRecord>> pageKey(int page) {
        return CachedReads.attendancePage(NOVEMBER, Optional.empty(), 100 + page);
    }

    /** A page of records, each a little over 200 bytes stored. */
    private static List<AttendanceRecord> records(int page, int size) {
        return IntStream.range(0, size).mapToObj(i -> record(new EmployeeId("P" + page + "-" + i), 1)).toList();
    }

    /** One instance of the service: its own cache and meters, on the Redis every instance shares. */
    private static final class ServiceInstance implements AutoCloseable {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final RedisStore store;
        final ReadCache cache;

        ServiceInstance(String url) {
            store = TestRedis.store(url, ENTRY_TTL, registry);
            cache = store.readCache();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
