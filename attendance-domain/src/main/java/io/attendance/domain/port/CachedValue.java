package io.attendance.domain.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a cached answer, told without any framework so that a cache knows how to store it:
 * at most one element, a list of elements, or the bytes of an answer already rendered for its
 * reader. A cache that serialises values encodes the element types it knows and refuses the others.
 */
public sealed interface CachedValue<V> {

    /** An answer that may be absent: {@code Optional<E>}. */
    static <E> CachedValue<Optional<E>> optional(Class<E> element) {
        return new OptionalOf<>(element);
    }

    /** A list answer: {@code List<E>}, in the order the system of record gave it. */
    static <E> CachedValue<List<E>> list(Class<E> element) {
        return new ListOf<>(element);
    }

    /** An answer kept as the bytes its one reader writes out, never decoded by the cache. */
    static CachedValue<byte[]> rendered() {
        return Rendered.BYTES;
    }

    record OptionalOf<E>(Class<E> element) implements CachedValue<Optional<E>> {
        public OptionalOf {
            Objects.requireNonNull(element, "element");
        }
    }

    record ListOf<E>(Class<E> element) implements CachedValue<List<E>> {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }
    }

    enum Rendered implements CachedValue<byte[]> {
        BYTES
    }
}
