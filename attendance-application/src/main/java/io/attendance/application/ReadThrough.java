package io.attendance.application;

import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The read-through rule every cached query follows: a hit answers, a miss loads then fills.
 *
 * <p>Misses of one slot ({@link Cached.Miss#slot}: one key under the generations its lookup saw)
 * that overlap in this process load once: the first to miss leads and loads, the others follow and
 * take its value, waiting for it at most {@code followerWait}. A follower whose leader failed or is
 * not done in time loads on its own, so no request fails because another one did. Taking the
 * leader's value is what a hit on the entry the leader is about to fill would answer, so it is as
 * fresh as the cache itself: a lookup that starts after a write's invalidation sees a newer
 * generation, hence another slot, and never joins a flight that began before it.
 */
final class ReadThrough {
    /** How long a follower waits for its leader by default: a slow read, not a stuck one. */
    static final Duration FOLLOWER_WAIT = Duration.ofSeconds(2);

    private final ReadCache cache;
    private final long followerWaitNanos;
    /** One entry per slot being loaded; the leader removes it when its load ends, however it ends. */
    private final ConcurrentMap<Object, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    ReadThrough(ReadCache cache, Duration followerWait) {
        this.cache = Objects.requireNonNull(cache, "cache");
        if (followerWait.isNegative()) {
            throw new IllegalArgumentException("the follower wait must not be negative, was " + followerWait);
        }
        this.followerWaitNanos = followerWait.toNanos();
    }

    /** The cached answer of that key, else the loaded one, filled in the cache by whoever loaded it. */
    <T> T of(CacheKey<T> key, Supplier<T> load) {
        Cached<T> cached = cache.lookup(key);
        if (cached instanceof Cached.Hit<T> hit) {
            return hit.value();
        }
        Cached.Miss<T> miss = (Cached.Miss<T>) cached;
        Answer<T> answer = shared(miss, load);
        if (answer.loadedHere()) {
            miss.fill(answer.value());
        }
        return answer.value();
    }

    /** What {@link #shared} answered, and whether it was loaded by this caller. */
    record Answer<R>(R value, boolean loadedHere) {
    }

    /**
     * The value of the miss's flight: loaded here when no other caller of this process is loading
     * it for the same slot (or when the miss has no slot), else the leader's. A follower loads on
     * its own when the leader throws or is not done within the follower wait.
     */
    @SuppressWarnings("unchecked")
    <R> Answer<R> shared(Cached.Miss<?> miss, Supplier<R> load) {
        Optional<Object> slot = miss.slot();
        if (slot.isEmpty()) {
            return new Answer<>(load.get(), true);
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> leader = flights.putIfAbsent(slot.get(), mine);
        if (leader == null) {
            return new Answer<>(lead(slot.get(), mine, load), true);
        }
        // the slot names the read, so the leader loaded a value of the type this caller asked for
        return (Answer<R>) follow(leader).map(value -> new Answer<>(value, false))
                .orElseGet(() -> new Answer<>(load.get(), true));
    }

    private <R> R lead(Object slot, CompletableFuture<Object> flight, Supplier<R> load) {
        try {
            R value = load.get();
            flight.complete(value);
            return value;
        } catch (RuntimeException | Error failed) {
            flight.completeExceptionally(failed);
            throw failed;
        } finally {
            flights.remove(slot, flight);
        }
    }

    private Optional<Object> follow(CompletableFuture<Object> leader) {
        try {
            return Optional.ofNullable(leader.get(followerWaitNanos, TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException leaderFailedOrSlow) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Slots being loaded now; none once every flight has ended. */
    int flightsInProgress() {
        return flights.size();
    }
}
