package io.attendance.adapter.redis;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ReadCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@link ReadCache} in Redis, shared by every instance of the service, so that an answer read
 * once serves them all. Every value is stored under the generation its lookup saw and every change
 * moves generations on ({@link GenerationScripts}), so no instance serves an answer from before an
 * acknowledged write; Redis faults are counted and answered as misses ({@link RedisFaults}).
 *
 * <p>Invalidations that never arrive are made good from the change feed in PostgreSQL: every
 * instance's periodic {@link #catchUp} moves on the generations of every employee changed since the
 * position Redis holds, and stores the new position with them. An instance whose own invalidation
 * failed answers misses until its next catch-up; one that took in changes Redis has not (Redis
 * refused the write, or lost its data and with it a later position) answers misses while the
 * position Redis returns is behind what it took in.
 *
 * <p>Large values are also kept in process ({@link LocalCopies}) with the generation they were stored
 * under: a lookup then asks Redis whether that is still the current entry, and on "yes" answers
 * the very instance it holds, without moving the body again. Redis still decides every hit, so the
 * guarantee is the one above.
 */
public final class RedisReadCache implements ReadCache {
    static final String CACHE_NAME = "attendance";
    /** Values larger than this are not cached: they would hold a connection too long. */
    static final int MAX_VALUE_BYTES = 8 * 1024 * 1024;
    /** Smaller values are not kept in process: for them the round trip costs about what the body does. */
    static final int MIN_LOCAL_COPY_BYTES = 64 * 1024;
    /** The bound of every value kept in process together, within the heap the service is given. */
    static final long MAX_LOCAL_COPIES_BYTES = 32L * 1024 * 1024;
    private static final Duration MIN_GENERATION_TTL = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisReadCache.class);
    /** The miss handed out when Redis could not be asked: there is no generation to fill under. */
    private static final Cached.Miss<Object> NOTHING_TO_FILL = value -> {
    };

    private final Supplier<UnifiedJedis> redis;
    private final long entryTtlMillis;
    private final String generationTtlSeconds;
    private final RedisFaults faults;
    private final Map<CachedRead<?>, Shelf<?>> shelves;
    private final LocalCopies localCopies;
    private final Counter invalidations;
    private final Counter catchUpsApplied;
    private final Counter catchUpsFailed;
    /** Invalidations of this instance that failed since its last catch-up began. */
    private final AtomicLong failedInvalidations = new AtomicLong();
    /** The position Redis must hold for a hit: every change this instance took in has reached it. */
    private final AtomicReference<FeedPosition> mustHaveReached = new AtomicReference<>(FeedPosition.START);

    /**
     * @param redis    a pooled client whose timeouts are short, built when first asked for (see {@link RedisStore})
     * @param entryTtl how long a value stays cached at most
     * @param registry where the {@code cache.*} meters go, tagged {@code cache=attendance}
     */
    public RedisReadCache(Supplier<UnifiedJedis> redis, Duration entryTtl, MeterRegistry registry) {
        this(redis, entryTtl, registry, RedisFaults.DEFAULT_PAUSE);
    }

    /** @throws IllegalArgumentException when a declared read holds values {@link CachedJson} cannot store */
    RedisReadCache(Supplier<UnifiedJedis> redis, Duration entryTtl, MeterRegistry registry, Duration pauseAfterFault) {
        this(redis, entryTtl, registry, pauseAfterFault, new LocalCopies(MIN_LOCAL_COPY_BYTES, MAX_LOCAL_COPIES_BYTES));
    }

    /** For tests: local copies with bounds that a few small values reach. */
    RedisReadCache(Supplier<UnifiedJedis> redis, Duration entryTtl, MeterRegistry registry, Duration pauseAfterFault,
                   LocalCopies localCopies) {
        this.redis = Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(entryTtl, "entryTtl");
        if (entryTtl.toMillis() < 1) {
            throw new IllegalArgumentException("the cache entry ttl must be at least 1 ms, was " + entryTtl);
        }
        this.entryTtlMillis = entryTtl.toMillis();
        this.generationTtlSeconds = Long.toString(generationTtl(entryTtl).toSeconds());
        this.faults = new RedisFaults(registry, CACHE_NAME, pauseAfterFault);
        // every read is prepared now, so a value no codec can store stops the service at start-up
        this.shelves = CachedReads.every().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), read -> new Shelf<>(read, registry)));
        this.localCopies = localCopies;
        Gauge.builder("cache.local.bytes", localCopies, LocalCopies::bytes)
                .description("Stored bytes of the values kept in process, each checked against Redis on every hit")
                .tag("cache", CACHE_NAME)
                .register(registry);
        this.invalidations = Counter.builder("cache.invalidations")
                .description("Changes that moved cache generations on")
                .tag("cache", CACHE_NAME)
                .register(registry);
        this.catchUpsApplied = catchUps(registry, "applied");
        this.catchUpsFailed = catchUps(registry, "failed");
    }

    private static Counter catchUps(MeterRegistry registry, String result) {
        return Counter.builder("cache.catchups")
                .description("Catch-ups with the change feed; a failed one leaves this instance answering misses")
                .tag("cache", CACHE_NAME)
                .tag("result", result)
                .register(registry);
    }

    /** Generation keys outlive every value stored under them: ten entry ttls, and at least a day. */
    static Duration generationTtl(Duration entryTtl) {
        Duration tenEntryTtls = Duration.ofSeconds(entryTtl.multipliedBy(10).toSeconds() + 1);
        return tenEntryTtls.compareTo(MIN_GENERATION_TTL) > 0 ? tenEntryTtls : MIN_GENERATION_TTL;
    }

    /**
     * One script call (EVALSHA; an EVAL more when the server lost its scripts) that reads the
     * generations and the entry atomically, hit or miss; the entry is a hit only when it was stored
     * under those generations. A miss remembers that generation and its fill stores it with the
     * value, so a reader that read the system of record before a change stores a value no later
     * lookup serves. When a copy of the entry is held in process, the script is told its generation
     * and answers without the body while that is the current entry.
     */
    @Override
    public <V> Cached<V> lookup(CacheKey<V> key) {
        Optional<Lookup<V>> lookup = prepared(key);
        if (lookup.isEmpty()) {
            return nothingToFill();
        }
        return faults.call("lookup", () -> GenerationScripts.LOOKUP.run(redis.get(), lookup.get().keys(),
                        lookup.get().arguments()))
                .map(lookup.get()::answer)
                .orElseGet(lookup.get()::unanswered);
    }

    /**
     * The lookup of {@code key} as Redis is to run it, in {@link GenerationScripts#LOOKUP} or inside
     * another script of the same round trip; empty when this instance asks Redis nothing now (a fault
     * lately, or an invalidation of its own that failed and no catch-up since): then it is a miss
     * with nothing to fill, counted as such.
     */
    <V> Optional<Lookup<V>> prepared(CacheKey<V> key) {
        Shelf<V> shelf = shelfOf(key.read());
        if (failedInvalidations.get() > 0 || faults.pausing()) {
            shelf.misses.increment();
            return Optional.empty();
        }
        String entry = CacheKeys.entry(key);
        return Optional.of(new Lookup<>(shelf, entry, CacheKeys.generation(key), localCopies.get(entry),
                mustHaveReached.get()));
    }

    /**
     * One lookup: the keys and arguments of {@code lookup} ({@link GenerationScripts#LOOKUP_FUNCTIONS})
     * and what to make of its answer. {@code held} is the copy kept in process, if any, and
     * {@code required} the feed position Redis must hold for a hit.
     */
    final class Lookup<V> {
        private final Shelf<V> shelf;
        private final String entry;
        private final String generationKey;
        private final LocalCopies.Copy held;
        private final FeedPosition required;

        private Lookup(Shelf<V> shelf, String entry, String generationKey, LocalCopies.Copy held, FeedPosition required) {
            this.shelf = shelf;
            this.entry = entry;
            this.generationKey = generationKey;
            this.held = held;
            this.required = required;
        }

        List<String> keys() {
            return List.of(CacheKeys.EPOCH, generationKey, entry, CacheKeys.FEED_POSITION);
        }

        List<String> arguments() {
            return List.of(generationTtlSeconds, held == null ? "" : held.generation());
        }

        /**
         * A hit only when the entry was stored under the generations it saw and Redis holds the feed
         * position this instance has taken in; else a miss that fills under those generations.
         */
        Cached<V> answer(Object reply) {
            Found found;
            try {
                found = Found.of(reply);
            } catch (RuntimeException unreadable) {
                faults.unreadable(entry, unreadable);
                return unanswered();
            }
            if (!found.reached(required)) {
                return unanswered();
            }
            if (found.heldIsCurrent()) {
                shelf.hits.increment();
                shelf.localHits.increment();
                return new Cached.Hit<>(shelf.valueOf(held));
            }
            localCopies.forget(entry, held);
            byte[] payload = found.payload();
            if (payload != null) {
                try {
                    V value = shelf.codec.read().apply(payload);
                    localCopies.keep(entry, found.generation(), value, payload.length);
                    shelf.hits.increment();
                    return new Cached.Hit<>(value);
                } catch (RuntimeException unreadable) {
                    faults.unreadable(entry, unreadable);
                }
            }
            shelf.misses.increment();
            return new RedisMiss<>(shelf, entry, found.generation());
        }

        /** The miss of a lookup Redis did not answer, or whose answer cannot be trusted: nothing to fill. */
        Cached<V> unanswered() {
            shelf.misses.increment();
            return nothingToFill();
        }
    }

    /** One script call that moves the employee's generation and the listings' on together. */
    @Override
    public void employeeChanged(EmployeeId employeeId) {
        employeesChanged(List.of(employeeId));
    }

    /** Moves every employee's generation and the listings' in one script: a batch's thousand employees are one round trip. */
    @Override
    public void employeesChanged(Collection<EmployeeId> employeeIds) {
        List<String> keys = new ArrayList<>(employeeIds.size() + 2);
        keys.add(CacheKeys.EPOCH);
        employeeIds.forEach(employeeId -> keys.add(CacheKeys.employeeGeneration(employeeId)));
        keys.add(CacheKeys.LISTINGS_GENERATION);
        boolean moved = faults.call("invalidate", () -> GenerationScripts.INVALIDATE.run(redis.get(),
                        keys, List.of(generationTtlSeconds)))
                .isPresent();
        if (moved) {
            invalidations.increment();
        } else {
            failedInvalidations.incrementAndGet();
        }
    }

    /**
     * Reads the position Redis holds (a fault skips this catch-up: the next one tries again), asks
     * for the changes after it, and moves their generations on with the new position in one script.
     * With changes to take in, this instance requires the new position from before the script runs,
     * so a failure leaves it answering misses rather than values Redis was not told are stale.
     */
    @Override
    public void catchUp(Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> changesAfter) {
        long failedBefore = failedInvalidations.get();
        Optional<Optional<FeedPosition>> stored = faults.call("catch-up",
                () -> Optional.ofNullable(redis.get().get(CacheKeys.FEED_POSITION)).map(RedisReadCache::positionOf));
        if (stored.isEmpty()) {
            catchUpsFailed.increment();
            return;
        }
        ChangeFeed.ChangedEmployees changes = changesAfter.apply(stored.get());
        boolean anyChange = changes.tooMany() || !changes.employees().isEmpty();
        if (anyChange) {
            mustHaveReached.accumulateAndGet(changes.next(), FeedPosition::atLeast);
        }
        List<String> keys = new ArrayList<>(changes.employees().size() + 3);
        keys.add(CacheKeys.EPOCH);
        keys.add(CacheKeys.FEED_POSITION);
        changes.employees().forEach(employeeId -> keys.add(CacheKeys.employeeGeneration(employeeId)));
        if (anyChange) {
            keys.add(CacheKeys.LISTINGS_GENERATION);
        }
        Optional<Object> applied = faults.call("catch-up", () -> GenerationScripts.CATCH_UP.run(redis.get(), keys,
                List.of(generationTtlSeconds, stored.get().map(FeedPosition::text).orElse(""), changes.next().text(),
                        changes.tooMany() ? "1" : "0")));
        if (applied.isEmpty()) {
            catchUpsFailed.increment();
            return;
        }
        if (Long.valueOf(0).equals(applied.get())) {
            LOG.info("The Redis cache's feed position changed while catching up (lost, or first set by another "
                    + "instance); the next catch-up reads from the new one");
            return;
        }
        catchUpsApplied.increment();
        if (stored.get().isEmpty()) {
            LOG.info("Redis held no cache feed position (a first start, or its data was lost): every entry is dropped");
        }
        // Only forget the failures this catch-up covers: one recorded meanwhile waits for the next.
        failedInvalidations.compareAndSet(failedBefore, 0);
    }

    /** A position as Redis holds it; anything else counts as the start, before every change. */
    private static FeedPosition positionOf(String text) {
        try {
            return FeedPosition.parse(text);
        } catch (IllegalArgumentException unreadable) {
            return FeedPosition.START;
        }
    }

    @SuppressWarnings("unchecked")
    private <V> Shelf<V> shelfOf(CachedRead<V> read) {
        // each shelf was built from its own read, so it holds that read's values
        return (Shelf<V>) Objects.requireNonNull(shelves.get(read), () -> read + " is not declared in CachedReads");
    }

    private <V> void fill(Shelf<V> shelf, String entry, String generation, V value) {
        Objects.requireNonNull(value, "a cache is filled with a value; an empty answer is Optional.empty()");
        byte[] stored;
        try {
            stored = shelf.codec.write().apply(value);
        } catch (RuntimeException unwritable) {
            faults.unwritable(entry, unwritable);
            return;
        }
        if (stored.length > MAX_VALUE_BYTES) {
            LOG.debug("not caching {}: {} bytes", entry, stored.length);
            return;
        }
        faults.call("fill", () -> GenerationScripts.FILL.runWithBinaryArgs(redis.get(), List.of(entry),
                        List.of(utf8(generation), stored, utf8(entryTtlMillis))))
                .ifPresent(ok -> {
                    shelf.puts.increment();
                    localCopies.keep(entry, generation, value, stored.length);
                });
    }

    @SuppressWarnings("unchecked")
    private static <V> Cached.Miss<V> nothingToFill() {
        return (Cached.Miss<V>) NOTHING_TO_FILL;
    }

    private static byte[] utf8(Object text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A miss that fills the entry under the generation its lookup saw. */
    private final class RedisMiss<V> implements Cached.Miss<V> {
        private final Shelf<V> shelf;
        private final String entry;
        private final String generation;

        RedisMiss(Shelf<V> shelf, String entry, String generation) {
            this.shelf = shelf;
            this.entry = entry;
            this.generation = generation;
        }

        @Override
        public void fill(V value) {
            RedisReadCache.this.fill(shelf, entry, generation, value);
        }

        /** The entry with its generations ("epoch.counter"), which never repeat. */
        @Override
        public Optional<Object> slot() {
            return Optional.of(entry + " " + generation);
        }
    }

    /**
     * What the lookup script answered: the generation it saw and the value stored under it, if any,
     * or that the copy held in process is that value (the script's integer answer).
     */
    private record Found(String generation, Optional<FeedPosition> position, byte[] payload, boolean heldIsCurrent) {
        static Found of(Object reply) {
            List<?> answer = (List<?>) reply;
            Object position = answer.size() > 1 ? answer.get(1) : null;
            Object value = answer.size() > 2 ? answer.get(2) : null;
            return new Found(new String((byte[]) answer.get(0), StandardCharsets.UTF_8),
                    Optional.ofNullable(position).map(text -> positionOf(new String((byte[]) text, StandardCharsets.UTF_8))),
                    value instanceof byte[] payload ? payload : null, value instanceof Long);
        }

        /** Whether Redis holds at least that position: a data set that lost it may have lost invalidations too. */
        boolean reached(FeedPosition required) {
            return position.map(held -> held.compareTo(required) >= 0).orElse(required.equals(FeedPosition.START));
        }
    }

    /**
     * One declared read: how its values are stored, and its meters, tagged {@code entry=<read name>}
     * (a fixed set, never query text): {@code cache.gets} with {@code result=hit|miss} (a lookup that
     * could not reach Redis is a miss), {@code cache.puts}, and {@code cache.local.hits}: the hits
     * answered from the copy held in process.
     */
    private static final class Shelf<V> {
        final CachedJson.Codec<V> codec;
        final Counter hits;
        final Counter misses;
        final Counter puts;
        final Counter localHits;

        Shelf(CachedRead<V> read, MeterRegistry registry) {
            this.codec = CachedJson.of(read.value());
            this.hits = gets(registry, read.name(), "hit");
            this.misses = gets(registry, read.name(), "miss");
            this.puts = Counter.builder("cache.puts")
                    .description("Values stored in the cache")
                    .tag("cache", CACHE_NAME)
                    .tag("entry", read.name())
                    .register(registry);
            this.localHits = Counter.builder("cache.local.hits")
                    .description("Cache hits answered from the copy held in process, Redis having said it is current")
                    .tag("cache", CACHE_NAME)
                    .tag("entry", read.name())
                    .register(registry);
        }

        /** The value of a copy held for an entry of this read, which only ever holds this read's values. */
        @SuppressWarnings("unchecked")
        V valueOf(LocalCopies.Copy copy) {
            return (V) copy.value();
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
