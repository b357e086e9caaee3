package io.attendance.application;

import io.attendance.domain.port.Cached;
import java.util.function.Supplier;

/** The read-through rule every cached query follows: a hit answers, a miss loads then fills. */
final class ReadThrough {
    private ReadThrough() {
    }

    static <T> T of(Cached<T> cached, Supplier<T> load) {
        if (cached instanceof Cached.Hit<T> hit) {
            return hit.value();
        }
        T loaded = load.get();
        ((Cached.Miss<T>) cached).fill(loaded);
        return loaded;
    }
}
