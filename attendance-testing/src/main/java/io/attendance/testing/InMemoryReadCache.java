package io.attendance.testing;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ReadCache;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A process-local {@link ReadCache} with the same generation rule as the real one: every entry is
 * stored under the generation its lookup saw, the employee's for employee entries, the listings'
 * for listings. {@link #employeeChanged} moves that employee's generation and the listings' on, so
 * a fill from a lookup made before it lands where no later lookup looks. A catch-up moves the named
 * employees on the same way, and every entry when the feed counts everyone as changed: it is held in
 * the epoch, part of every slot.
 */
public final class InMemoryReadCache implements ReadCache {
    /** Keys compare with {@code equals}, so distinct keys never share an entry. */
    private record Slot(CacheKey<?> key, long epoch, long generation) {
    }

    private final Map<EmployeeId, AtomicLong> employeeGenerations = new ConcurrentHashMap<>();
    private final AtomicLong listingGeneration = new AtomicLong();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicReference<FeedPosition> caughtUpTo = new AtomicReference<>();
    private final Map<Slot, Object> entries = new ConcurrentHashMap<>();
    private final Consumer<EmployeeId> onEmployeeChanged;

    public InMemoryReadCache() {
        this(changed -> {
        });
    }

    /** @param onEmployeeChanged runs at every {@link #employeeChanged}, on the caller's thread: tests see when it is called */
    public InMemoryReadCache(Consumer<EmployeeId> onEmployeeChanged) {
        this.onEmployeeChanged = onEmployeeChanged;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Cached<V> lookup(CacheKey<V> key) {
        long currentEpoch = epoch.get();
        long generation = key.employee().map(this::generationOf).orElse(listingGeneration).get();
        Slot slot = new Slot(key, currentEpoch, generation);
        Object value = entries.get(slot);
        if (value != null) {
            return new Cached.Hit<>((V) value);
        }
        return new Cached.Miss<>() {
            @Override
            public void fill(V fill) {
                entries.put(slot, Objects.requireNonNull(fill, "a cached answer"));
            }

            @Override
            public Optional<Object> slot() {
                return Optional.of(slot);
            }
        };
    }

    @Override
    public void employeeChanged(EmployeeId employeeId) {
        onEmployeeChanged.accept(employeeId);
        generationOf(employeeId).incrementAndGet();
        listingGeneration.incrementAndGet();
    }

    @Override
    public synchronized void catchUp(Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> changesAfter) {
        ChangeFeed.ChangedEmployees changes = changesAfter.apply(Optional.ofNullable(caughtUpTo.get()));
        if (changes.tooMany()) {
            epoch.incrementAndGet();
        } else if (!changes.employees().isEmpty()) {
            changes.employees().forEach(changed -> generationOf(changed).incrementAndGet());
            listingGeneration.incrementAndGet();
        }
        caughtUpTo.set(changes.next());
    }

    private AtomicLong generationOf(EmployeeId employeeId) {
        return employeeGenerations.computeIfAbsent(employeeId, ignored -> new AtomicLong());
    }
}
