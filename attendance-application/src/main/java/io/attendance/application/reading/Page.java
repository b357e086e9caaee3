package io.attendance.application.reading;

import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.Sequenced;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/** One page of a listing, and the opaque cursor of the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** The page size a client asked for, {@value #DEFAULT_LIMIT} when it did not ask. */
    public static int limit(Optional<Integer> requested) {
        int limit = requested.orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationFailed("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * Builds the page from up to {@code limit + 1} items fetched: the extra one only says that
     * another page follows, whose cursor {@code cursorAfter} makes from the last item shown.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, Optional.of(cursorAfter.apply(shown.get(limit - 1))));
    }

    /** {@link #of} for audit events, whose cursor {@code cursorAfter} makes from the last one's sequence number. */
    public static <E> Page<E> ofSequenced(List<Sequenced<E>> fetched, int limit, LongFunction<String> cursorAfter) {
        Page<Sequenced<E>> page = of(fetched, limit, last -> cursorAfter.apply(last.sequence()));
        return new Page<>(page.items().stream().map(Sequenced::event).toList(), page.nextCursor());
    }
}
