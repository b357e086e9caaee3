package io.attendance.adapter.redis;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The {@link ReadCache} in Redis, shared by every instance of the service.
 *
 * <p><b>Keys.</b> Every key starts with {@code att:} and expires. Three kinds of generation counter
 * ({@link CacheKeys}):
 * <ul>
 *   <li>{@code att:gen:epoch}, part of every value key, moved on to drop everything (see Faults);</li>
 *   <li>{@code att:gen:emp:<employee id>}, the generation of that employee's entries;</li>
 *   <li>{@code att:gen:all}, the generation of every listing.</li>
 * </ul>
 * Values are JSON ({@link CachedJson}), except the v1 full listing, stored as the bytes it is
 * given, under keys that end with the generation they were read under, {@code g<epoch>.<counter>}.
 * The entry name in the key is also the {@code entry} tag of the meters:
 * <table>
 *   <caption>value keys</caption>
 *   <tr><th>port method</th><th>key</th><th>generation</th></tr>
 *   <tr><td>latestAttendance (v1)</td><td>{@code att:v3:emp:<id>:latest:g<gen>}</td><td>employee</td></tr>
 *   <tr><td>employee</td><td>{@code att:v3:emp:<id>:employee:g<gen>}</td><td>employee</td></tr>
 *   <tr><td>record</td><td>{@code att:v3:emp:<id>:record:<date>:g<gen>}</td><td>employee</td></tr>
 *   <tr><td>recordsOfEmployee</td><td>{@code att:v3:emp:<id>:records:<from>:<to>:g<gen>}</td><td>employee</td></tr>
 *   <tr><td>allAttendance (v1)</td><td>{@code att:v3:list:all:g<gen>}</td><td>listings</td></tr>
 *   <tr><td>attendancePage</td><td>{@code att:v3:list:attendance-page:<digest>:g<gen>}</td><td>listings</td></tr>
 *   <tr><td>employeePage</td><td>{@code att:v3:list:employee-page:<digest>:g<gen>}</td><td>listings</td></tr>
 * </table>
 * Employee ids are {@code [A-Za-z0-9._-]} and dates YYYY-MM-DD, so no part of a key holds a colon.
 * A page's {@code <digest>} is the SHA-256 (base64url, 43 characters) of every component of its
 * query, its position and its limit, each written length-prefixed: distinct arguments never share a
 * key and a key stays short whatever the query holds. {@code v3} is the version of the value
 * layout; values of earlier layouts ({@code att:v1:...}, {@code att:v2:...}) are never read and
 * expire on their own.
 * Values expire after the entry ttl; generation keys after {@link #generationTtl}, renewed by every
 * invalidation.
 *
 * <p><b>Round trips.</b> A lookup is one script call (EVALSHA; plus one EVAL the first time a
 * server runs the script, or after it lost its scripts) that reads both generations and the value
 * under them, hit or miss; a fill is one SET with its ttl; {@link #employeeChanged} is one script
 * call. Only after a failed invalidation does a
 * lookup cost a second call, until the epoch has moved on.
 *
 * <p><b>No stale read.</b> A lookup reads the generations and the value under them in one atomic
 * script. A miss remembers that generation and its fill stores the value under it.
 * {@link #employeeChanged} moves the employee's generation and the listings' on, in one atomic
 * script, after the write committed. A reader that read the system of record before the commit
 * looked up before the move, so it parks its value under a generation nobody reads again. What
 * happens when a generation key vanishes is explained in {@link GenerationScripts}.
 *
 * <p><b>Faults.</b> Nothing is thrown to the caller (see {@link RedisFaults}): a lookup that fails
 * is a miss whose fill does nothing, a failed fill is dropped. A failed invalidation is remembered:
 * until the epoch, part of every value key, has been moved on, this instance answers every lookup
 * with a miss, and the next exchange that reaches Redis moves it, so no entry from before the outage
 * is served here again. (Another instance that could still reach Redis while this one could not
 * may serve such an entry until it expires: the entry ttl bounds that case.)
 *
 * <p><b>Meters</b>, tagged {@code cache=attendance} and {@code entry=<entry name>} (a fixed set, never
 * query text): {@code cache.gets} with {@code result=hit|miss} (a lookup that could not reach Redis
 * is a miss), {@code cache.puts}; {@code cache.invalidations}; {@code cache.errors} tagged with the
 * {@code operation} that failed.
 */
public final class RedisReadCache implements ReadCache {
    static final String CACHE_NAME = "attendance";
    /** Values larger than this are not cached: they would hold a connection too long. */
    static final int MAX_VALUE_BYTES = 8 * 1024 * 1024;
    private static final Duration MIN_GENERATION_TTL = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisReadCache.class);
    /** The miss handed out when Redis could not be asked: there is no generation to fill under. */
    private static final Cached.Miss<Object> NOTHING_TO_FILL = value -> {
    };

    private final UnifiedJedis redis;
    private final long entryTtlMillis;
    private final String generationTtlSeconds;
    private final RedisFaults faults;
    private final Shelf<Optional<EmployeeAttendance>> latest;
    private final Shelf<byte[]> all;
    private final Shelf<Optional<Employee>> employee;
    private final Shelf<Optional<AttendanceRecord>> record;
    private final Shelf<List<AttendanceRecord>> records;
    private final Shelf<List<AttendanceRecord>> attendancePage;
    private final Shelf<List<Employee>> employeePage;
    private final Counter invalidations;
    private final AtomicLong failedInvalidations = new AtomicLong();

    /**
     * @param redis    a pooled client whose timeouts are short (see {@link RedisStore})
     * @param entryTtl how long a value stays cached at most
     * @param registry where the {@code cache.*} meters go, tagged {@code cache=attendance}
     */
    public RedisReadCache(UnifiedJedis redis, Duration entryTtl, MeterRegistry registry) {
        this(redis, entryTtl, registry, RedisFaults.DEFAULT_PAUSE);
    }

    RedisReadCache(UnifiedJedis redis, Duration entryTtl, MeterRegistry registry, Duration pauseAfterFault) {
        this.redis = Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(entryTtl, "entryTtl");
        if (entryTtl.toMillis() < 1) {
            throw new IllegalArgumentException("the cache entry ttl must be at least 1 ms, was " + entryTtl);
        }
        this.entryTtlMillis = entryTtl.toMillis();
        this.generationTtlSeconds = Long.toString(generationTtl(entryTtl).toSeconds());
        this.faults = new RedisFaults(registry, CACHE_NAME, pauseAfterFault);
        this.latest = new Shelf<>("latest", CachedJson.LATEST, registry);
        this.all = new Shelf<>("all", CachedJson.Codec.BYTES, registry);
        this.employee = new Shelf<>("employee", CachedJson.EMPLOYEE, registry);
        this.record = new Shelf<>("record", CachedJson.RECORD, registry);
        this.records = new Shelf<>("records", CachedJson.RECORDS, registry);
        this.attendancePage = new Shelf<>("attendance-page", CachedJson.RECORDS, registry);
        this.employeePage = new Shelf<>("employee-page", CachedJson.EMPLOYEES, registry);
        this.invalidations = Counter.builder("cache.invalidations")
                .description("Changes that moved cache generations on")
                .tag("cache", CACHE_NAME)
                .register(registry);
    }

    /** Generation keys outlive every value stored under them: ten entry ttls, and at least a day. */
    static Duration generationTtl(Duration entryTtl) {
        Duration tenEntryTtls = Duration.ofSeconds(entryTtl.multipliedBy(10).toSeconds() + 1);
        return tenEntryTtls.compareTo(MIN_GENERATION_TTL) > 0 ? tenEntryTtls : MIN_GENERATION_TTL;
    }

    @Override
    public Cached<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId) {
        return employeeEntry(latest, employeeId);
    }

    @Override
    public Cached<byte[]> allAttendance() {
        return lookup(all, CacheKeys.LISTINGS_GENERATION, CacheKeys.listingValue(all.entry));
    }

    @Override
    public Cached<Optional<Employee>> employee(EmployeeId employeeId) {
        return employeeEntry(employee, employeeId);
    }

    @Override
    public Cached<Optional<AttendanceRecord>> record(EmployeeId employeeId, WorkDate date) {
        return employeeEntry(record, employeeId, date);
    }

    @Override
    public Cached<List<AttendanceRecord>> recordsOfEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return employeeEntry(records, employeeId, from, to);
    }

    @Override
    public Cached<List<AttendanceRecord>> attendancePage(AttendanceQuery query, Optional<AttendanceKey> after,
                                                         int limit) {
        return lookup(attendancePage, CacheKeys.LISTINGS_GENERATION, CacheKeys.listingValue(attendancePage.entry,
                CacheKeys.attendancePage(query, after, limit)));
    }

    @Override
    public Cached<List<Employee>> employeePage(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return lookup(employeePage, CacheKeys.LISTINGS_GENERATION, CacheKeys.listingValue(employeePage.entry,
                CacheKeys.employeePage(query, after, limit)));
    }

    @Override
    public void employeeChanged(EmployeeId employeeId) {
        long failedBefore = failedInvalidations.get();
        boolean moveEpoch = failedBefore > 0;
        boolean moved = faults.call("invalidate", () -> GenerationScripts.INVALIDATE.run(redis,
                        List.of(CacheKeys.EPOCH, CacheKeys.employeeGeneration(employeeId),
                                CacheKeys.LISTINGS_GENERATION),
                        List.of(generationTtlSeconds, moveEpoch ? "1" : "0")))
                .isPresent();
        if (!moved) {
            failedInvalidations.incrementAndGet();
            return;
        }
        invalidations.increment();
        if (moveEpoch) {
            epochMoved(failedBefore);
        }
    }

    private <T> Cached<T> employeeEntry(Shelf<T> shelf, EmployeeId employeeId, WorkDate... arguments) {
        return lookup(shelf, CacheKeys.employeeGeneration(employeeId),
                CacheKeys.employeeValue(employeeId, shelf.entry, arguments));
    }

    private <T> Cached<T> lookup(Shelf<T> shelf, String generationKey, String valueKeyPrefix) {
        if (!caughtUpWithFailedInvalidations()) {
            shelf.misses.increment();
            return nothingToFill();
        }
        Optional<Found> reply = faults.call("lookup", () -> Found.of(GenerationScripts.LOOKUP.run(redis,
                List.of(CacheKeys.EPOCH, generationKey), List.of(valueKeyPrefix, generationTtlSeconds))));
        if (reply.isEmpty()) {
            shelf.misses.increment();
            return nothingToFill();
        }
        String valueKey = valueKeyPrefix + reply.get().generation();
        byte[] payload = reply.get().payload();
        if (payload != null) {
            try {
                T value = shelf.codec.read().apply(payload);
                shelf.hits.increment();
                return new Cached.Hit<>(value);
            } catch (RuntimeException unreadable) {
                faults.unreadable(valueKey, unreadable);
            }
        }
        shelf.misses.increment();
        return (Cached.Miss<T>) value -> fill(shelf, valueKey, value);
    }

    private <T> void fill(Shelf<T> shelf, String valueKey, T value) {
        Objects.requireNonNull(value, "a cache is filled with a value; an empty answer is Optional.empty()");
        byte[] stored;
        try {
            stored = shelf.codec.write().apply(value);
        } catch (RuntimeException unwritable) {
            faults.unwritable(valueKey, unwritable);
            return;
        }
        if (stored.length > MAX_VALUE_BYTES) {
            LOG.debug("not caching {}: {} bytes", valueKey, stored.length);
            return;
        }
        faults.call("fill", () -> redis.set(valueKey.getBytes(StandardCharsets.UTF_8), stored,
                        SetParams.setParams().px(entryTtlMillis)))
                .ifPresent(ok -> shelf.puts.increment());
    }

    /**
     * True when no invalidation failed since the epoch last moved, or when it could be moved now.
     * A lookup that starts after a failed invalidation returned must not see entries from before.
     */
    private boolean caughtUpWithFailedInvalidations() {
        long failedBefore = failedInvalidations.get();
        if (failedBefore == 0) {
            return true;
        }
        boolean moved = faults.call("invalidate", () -> GenerationScripts.INVALIDATE.run(redis,
                List.of(CacheKeys.EPOCH), List.of(generationTtlSeconds, "1"))).isPresent();
        if (moved) {
            epochMoved(failedBefore);
        }
        return moved;
    }

    private void epochMoved(long failedBefore) {
        // Only forget the failures this move covers: one recorded meanwhile needs another move.
        if (failedInvalidations.compareAndSet(failedBefore, 0)) {
            LOG.info("Redis cache epoch moved on: {} invalidation(s) had failed, every earlier entry is dropped",
                    failedBefore);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Cached.Miss<T> nothingToFill() {
        return (Cached.Miss<T>) NOTHING_TO_FILL;
    }

    /** What the lookup script answered: the generation it saw and the value stored under it, if any. */
    private record Found(String generation, byte[] payload) {
        static Found of(Object reply) {
            List<?> generationAndValue = (List<?>) reply;
            return new Found(new String((byte[]) generationAndValue.get(0), StandardCharsets.UTF_8),
                    generationAndValue.size() > 1 ? (byte[]) generationAndValue.get(1) : null);
        }
    }

    /** One kind of entry: its name (in its keys and meters), how it is written and read, and its meters. */
    private static final class Shelf<T> {
        final String entry;
        final CachedJson.Codec<T> codec;
        final Counter hits;
        final Counter misses;
        final Counter puts;

        Shelf(String entry, CachedJson.Codec<T> codec, MeterRegistry registry) {
            this.entry = entry;
            this.codec = codec;
            this.hits = gets(registry, entry, "hit");
            this.misses = gets(registry, entry, "miss");
            this.puts = Counter.builder("cache.puts")
                    .description("Values stored in the cache")
                    .tag("cache", CACHE_NAME)
                    .tag("entry", entry)
                    .register(registry);
        }

        private static Counter gets(MeterRegistry registry, String entry, String result) {
            return Counter.builder("cache.gets")
                    .description("Cache lookups; a lookup that could not reach Redis is a miss")
                    .tag("cache", CACHE_NAME)
                    .tag("entry", entry)
                    .tag("result", result)
                    .register(registry);
        }
    }
}
