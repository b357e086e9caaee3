package io.attendance.application.reading;

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
 * <p>Misses of one key that overlap in this process load it once at a time. Misses of one slot
 * ({@link Cached.Miss#slot}: the key under the generations its lookup saw) share one load: the
 * first to miss leads and loads, the others follow and take its value. Taking it is what a hit on
 * the entry the leader is about to fill would answer, so it is as fresh as the cache itself. A miss
 * of the same key under newer generations (a write moved them on after that load began) must not
 * take its value: it joins the next load instead, which starts once the running one has ended, so
 * after every lookup that joined it, and serves them all. Under a steady stream of writes a key is
 * thus read at most once at a time per process, however many readers miss it, instead of once per
 * generation in flight; the loads never pile up on the connection pool.
 *
 * <p>A follower waits for its load at most {@code followerWait}; one whose leader failed or is not
 * done in time loads on its own, so no request fails because another one did.
 */
public final class ReadThrough {
    /** How long a follower waits for the loads before its own by default: slow reads, not stuck ones. */
    public static final Duration FOLLOWER_WAIT = Duration.ofSeconds(10);

    private final ReadCache cache;
    private final PrefetchedLookups prefetched;
    private final long followerWaitNanos;
    /** The loads of each key under way; a key's line is dropped when it has none. */
    private final ConcurrentMap<CacheKey<?>, Line> lines = new ConcurrentHashMap<>();

    public ReadThrough(ReadCache cache, PrefetchedLookups prefetched, Duration followerWait) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.prefetched = Objects.requireNonNull(prefetched, "prefetched");
        if (followerWait.isNegative()) {
            throw new IllegalArgumentException("the follower wait must not be negative, was " + followerWait);
        }
        this.followerWaitNanos = followerWait.toNanos();
    }

    /** The cached answer of that key, else the loaded one, filled in the cache by whoever loaded it. */
    public <T> T of(CacheKey<T> key, Supplier<T> load) {
        Cached<T> cached = lookup(key);
        if (cached instanceof Cached.Hit<T> hit) {
            return hit.value();
        }
        Cached.Miss<T> miss = (Cached.Miss<T>) cached;
        Answer<T> answer = shared(key, miss, load);
        if (answer.loadedHere()) {
            miss.fill(answer.value());
        }
        return answer.value();
    }

    /** The cache's entry of that key: the lookup made ahead for this request, if it holds one. */
    public <T> Cached<T> lookup(CacheKey<T> key) {
        return prefetched.lookup(cache, key);
    }

    /** What {@link #shared} answered, and whether it was loaded by this caller. */
    public record Answer<R>(R value, boolean loadedHere) {
    }

    /** A load of a key: the slot it answers (its leader's) and its outcome. */
    private record Flight(Object slot, CompletableFuture<Object> outcome) {
        Flight(Object slot) {
            this(slot, new CompletableFuture<>());
        }
    }

    /** The loads of one key: the one running, and the one queued to start after it. Guarded by itself. */
    private static final class Line {
        Flight running;
        Flight queued;
        boolean retired;
    }

    /** What one miss does: lead a flight (after waiting for another one to end), or follow one. */
    private record Turn(Line line, Flight flight, boolean leads, Flight after) {
    }

    /**
     * The value of the miss of {@code key}: the leader's of a flight this caller may take (its slot's,
     * or the next one of its key), else loaded here (also when the miss has no slot). A follower
     * loads on its own when its leader throws or is not done within the follower wait.
     */
    @SuppressWarnings("unchecked")
    public <R> Answer<R> shared(CacheKey<?> key, Cached.Miss<?> miss, Supplier<R> load) {
        Optional<Object> slot = miss.slot();
        if (slot.isEmpty()) {
            return new Answer<>(load.get(), true);
        }
        Turn turn = turnOf(key, slot.get());
        if (turn.leads()) {
            return new Answer<>(lead(key, turn, load), true);
        }
        // the key names the read, so the leader loaded a value of the type this caller asked for
        return (Answer<R>) awaited(turn.flight(), followerWaitNanos).map(value -> new Answer<>(value, false))
                .orElseGet(() -> new Answer<>(load.get(), true));
    }

    private Turn turnOf(CacheKey<?> key, Object slot) {
        while (true) {
            Line line = lines.computeIfAbsent(key, ignored -> new Line());
            synchronized (line) {
                if (line.retired) {
                    continue;
                }
                if (line.running == null) {
                    line.running = new Flight(slot);
                    return new Turn(line, line.running, true, null);
                }
                if (line.running.slot().equals(slot)) {
                    return new Turn(line, line.running, false, null);
                }
                if (line.queued != null) {
                    return new Turn(line, line.queued, false, null);
                }
                line.queued = new Flight(slot);
                return new Turn(line, line.queued, true, line.running);
            }
        }
    }

    private <R> R lead(CacheKey<?> key, Turn turn, Supplier<R> load) {
        Line line = turn.line();
        Flight flight = turn.flight();
        try {
            if (turn.after() != null) {
                awaited(turn.after(), followerWaitNanos);
                synchronized (line) {
                    if (line.queued == flight) {
                        // the running flight is late: this one runs beside it
                        line.running = flight;
                        line.queued = null;
                    }
                }
            }
            R value = load.get();
            flight.outcome().complete(value);
            return value;
        } catch (RuntimeException | Error failed) {
            flight.outcome().completeExceptionally(failed);
            throw failed;
        } finally {
            synchronized (line) {
                if (line.running == flight) {
                    // the queued flight runs next: a miss from now on may follow it or queue behind it
                    line.running = line.queued;
                    line.queued = null;
                }
                if (line.running == null && line.queued == null) {
                    line.retired = true;
                    lines.remove(key, line);
                }
            }
        }
    }

    /** The flight's value, unless it failed or is not done within the wait. */
    private static Optional<Object> awaited(Flight flight, long waitNanos) {
        try {
            return Optional.ofNullable(flight.outcome().get(waitNanos, TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException failedOrSlow) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Keys being loaded now, or waiting to be; none once every flight has ended. */
    int flightsInProgress() {
        return lines.size();
    }
}
