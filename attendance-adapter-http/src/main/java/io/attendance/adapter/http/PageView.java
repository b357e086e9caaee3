package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.application.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a v2 listing: {@code {"items":[...],"nextCursor":"..."}}, the cursor null on the last page. */
@JsonPropertyOrder({"items", "nextCursor"})
record PageView<V>(List<V> items, String nextCursor) {

    static <T, V> PageView<V> of(Page<T> page, Function<T, V> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
    }
}
