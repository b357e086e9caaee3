package io.attendance.application.reading;

import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;

/**
 * A cache lookup made ahead of the use case that needs it, in the same round trip as the caller's
 * session check ({@code SessionService.principalOf}), held for the thread serving that request: the
 * use case takes it instead of asking the cache again. Only a
 * caller already authenticated gets one, and the driver of a request {@link #clear clears} what its
 * thread holds when the request begins and when it ends, so a lookup never serves another request.
 */
public final class PrefetchedLookups {
    private final ThreadLocal<Held<?>> held = new ThreadLocal<>();

    /** Holds the lookup of {@code key} for this thread, in place of any held before. */
    public <V> void hold(CacheKey<V> key, Cached<V> lookup) {
        held.set(new Held<>(key, lookup));
    }

    /** The lookup of {@code key} this thread holds, taken once; else the cache's. */
    @SuppressWarnings("unchecked")
    <V> Cached<V> lookup(ReadCache cache, CacheKey<V> key) {
        Held<?> ahead = held.get();
        if (ahead != null && ahead.key().equals(key)) {
            held.remove();
            // equal keys name the same read, whose values are of one type
            return (Cached<V>) ahead.lookup();
        }
        return cache.lookup(key);
    }

    /** Forgets what this thread holds. */
    public void clear() {
        held.remove();
    }

    private record Held<V>(CacheKey<V> key, Cached<V> lookup) {
    }
}
