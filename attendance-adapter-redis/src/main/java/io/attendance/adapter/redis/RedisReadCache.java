package io.attendance.adapter.redis;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The {@link ReadCache} in Redis, shared by every instance of the service.
 *
 * <p><b>Keys.</b> Generation counters {@code att:gen:epoch}, {@code att:gen:all} and
 * {@code att:gen:emp:<id>}; values {@code att:v1:latest:<id>:g<epoch>.<gen>} and
 * {@code att:v1:all:g<epoch>.<gen>}, JSON (see {@link CachedJson}). Values expire after the entry
 * ttl; generation keys after {@link #generationTtl}, renewed by every invalidation. Every key this
 * class writes expires.
 *
 * <p><b>No stale read.</b> A lookup reads the generations and the value under them in one atomic
 * script (one round trip, hit or miss). A miss remembers that generation and its fill stores the
 * value under it. {@link #attendanceChanged} moves the employee's generation and the list's on, in
 * one atomic script, after the write committed. A reader that read the system of record before the
 * commit looked up before the move, so it parks its value under a generation nobody reads again.
 * What happens when a generation key vanishes is explained in {@link GenerationScripts}.
 *
 * <p><b>Faults.</b> Nothing is thrown to the caller (see {@link RedisFaults}): a lookup that fails
 * is a miss whose fill does nothing, a failed fill is dropped. A failed invalidation is remembered:
 * until the epoch, part of every value key, has been moved on, this instance answers every lookup
 * with a miss, and the next exchange that reaches Redis moves it, so no entry from before the outage
 * is served here again. (Another instance that could still reach Redis while this one could not
 * may serve such an entry until it expires: the entry ttl bounds that case.)
 */
public final class RedisReadCache implements ReadCache {
    static final String CACHE_NAME = "v1";
    static final String EPOCH_KEY = "att:gen:epoch";
    static final String ALL_GENERATION_KEY = "att:gen:all";
    static final String EMPLOYEE_GENERATION_PREFIX = "att:gen:emp:";
    static final String LATEST_VALUE_PREFIX = "att:v1:latest:";
    static final String ALL_VALUE_PREFIX = "att:v1:all:g";
    /** Values larger than this are not cached: they would hold a connection too long. */
    static final int MAX_VALUE_CHARS = 8 * 1024 * 1024;
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
    private final Shelf<List<EmployeeAttendance>> all;
    private final Counter invalidations;
    private final AtomicLong failedInvalidations = new AtomicLong();

    /**
     * @param redis    a pooled client whose timeouts are short (see {@link RedisStore})
     * @param entryTtl how long a value stays cached at most
     * @param registry where the {@code cache.*} meters go, tagged {@code cache=v1}
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
        this.latest = new Shelf<>("latest", CachedJson::readLatest, CachedJson::latest, registry);
        this.all = new Shelf<>("all", CachedJson::readAll, CachedJson::all, registry);
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
        return lookup(latest, EMPLOYEE_GENERATION_PREFIX + employeeId.value(),
                LATEST_VALUE_PREFIX + employeeId.value() + ":g");
    }

    @Override
    public Cached<List<EmployeeAttendance>> allAttendance() {
        return lookup(all, ALL_GENERATION_KEY, ALL_VALUE_PREFIX);
    }

    @Override
    public void attendanceChanged(EmployeeId employeeId) {
        long failedBefore = failedInvalidations.get();
        boolean moveEpoch = failedBefore > 0;
        boolean moved = faults.call("invalidate", () -> GenerationScripts.INVALIDATE.run(redis,
                        List.of(EPOCH_KEY, EMPLOYEE_GENERATION_PREFIX + employeeId.value(), ALL_GENERATION_KEY),
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

    private <T> Cached<T> lookup(Shelf<T> shelf, String generationKey, String valueKeyPrefix) {
        if (!caughtUpWithFailedInvalidations()) {
            shelf.misses.increment();
            return nothingToFill();
        }
        Optional<Found> reply = faults.call("lookup", () -> Found.of(GenerationScripts.LOOKUP.run(redis,
                List.of(EPOCH_KEY, generationKey), List.of(valueKeyPrefix, generationTtlSeconds))));
        if (reply.isEmpty()) {
            shelf.misses.increment();
            return nothingToFill();
        }
        String valueKey = valueKeyPrefix + reply.get().generation();
        String payload = reply.get().payload();
        if (payload != null) {
            try {
                T value = shelf.decode.apply(payload);
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
        String json;
        try {
            json = shelf.encode.apply(value);
        } catch (RuntimeException unwritable) {
            faults.unwritable(valueKey, unwritable);
            return;
        }
        if (json.length() > MAX_VALUE_CHARS) {
            LOG.debug("not caching {}: {} characters of JSON", valueKey, json.length());
            return;
        }
        faults.call("fill", () -> redis.set(valueKey, json, SetParams.setParams().px(entryTtlMillis)))
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
                List.of(EPOCH_KEY), List.of(generationTtlSeconds, "1"))).isPresent();
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
    private record Found(String generation, String payload) {
        static Found of(Object reply) {
            List<?> generationAndValue = (List<?>) reply;
            return new Found(text(generationAndValue.get(0)),
                    generationAndValue.size() > 1 && generationAndValue.get(1) != null ? text(generationAndValue.get(1)) : null);
        }

        private static String text(Object bulk) {
            return bulk instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : bulk.toString();
        }
    }

    /** One kind of entry: how it is written and read, and its meters. */
    private static final class Shelf<T> {
        final Function<String, T> decode;
        final Function<T, String> encode;
        final Counter hits;
        final Counter misses;
        final Counter puts;

        Shelf(String entry, Function<String, T> decode, Function<T, String> encode, MeterRegistry registry) {
            this.decode = decode;
            this.encode = encode;
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
