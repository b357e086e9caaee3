package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.CachedValue;
import io.attendance.testing.contract.CachedSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every declared read can be stored: a read over an element type with no JSON mapping fails the build here. */
class CachedJsonTest {

    @Test
    void everyDeclaredReadComesBackEqualFromItsStoredBytes() {
        CachedReads.every().forEach(CachedJsonTest::assertRoundTrips);
    }

    private static <V> void assertRoundTrips(CachedRead<V> read) {
        CachedJson.Codec<V> codec = CachedJson.of(read.value());
        for (V value : List.of(CachedSamples.of(read.value(), 0), CachedSamples.of(read.value(), 1),
                CachedSamples.empty(read.value()))) {
            assertThat(codec.read().apply(codec.write().apply(value))).as("%s: %s", read, value).isEqualTo(value);
        }
    }

    @Test
    void aValueOfAnElementTypeWithoutAMappingIsRefusedAtOnce() {
        assertThatThrownBy(() -> CachedJson.of(CachedValue.list(StringBuilder.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StringBuilder.class.getName());
    }
}
