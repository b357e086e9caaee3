package io.attendance.domain.port;

/**
 * The answer of a {@link ReadCache} lookup: a hit carries the value, a miss is the slot to fill once
 * the value has been read from the system of record.
 */
public sealed interface Cached<T> {

    record Hit<T>(T value) implements Cached<T> {
    }

    /**
     * A miss remembers the cache generation it saw. {@link #fill} stores the value under that
     * generation, so a value read before a concurrent write's invalidation can never be served
     * after it.
     */
    non-sealed interface Miss<T> extends Cached<T> {
        void fill(T value);
    }
}
