package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.application.reading.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a v2 listing: {@code {"items":[...],"nextCursor":"..."}}, the cursor null on the last page. */
@JsonPropertyOrder({"items", "nextCursor"})
record V2PageView<V>(List<V> items, String nextCursor) {

    static <T, V> V2PageView<V> of(Page<T> page, Function<T, V> view) {
        return new V2PageView<>(page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
    }
}
