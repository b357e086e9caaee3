package io.attendance.domain.port;

import java.util.Optional;

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

        /**
         * The stored entry {@link #fill} writes: the key and every generation the lookup saw. Two
         * misses have equal slots exactly when a fill of either would be served to a lookup like the
         * other's, so a value read for one may answer the other. Empty when the lookup saw no
         * generation (the cache could not be asked): such a miss shares its value with no one.
         */
        default Optional<Object> slot() {
            return Optional.empty();
        }
    }
}
