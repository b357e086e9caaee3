package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.attendance.testing.SampleInstants;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    /** Jackson's own way, which InstantText replaces: the text must be the same, byte for byte. */
    private static final ObjectMapper JAVA_TIME = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final ObjectMapper OURS = JsonMapping.newObjectMapper();

    @Test
    void everyInstantIsWrittenAsInstantToStringWritesIt() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            // most from 1900 to 2100, one in seven anywhere an Instant can be
            Instant instant = i % 7 == 0
                    ? SampleInstants.nth(random, i, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                    : SampleInstants.nth(random, i, -2_208_988_800L, 4_102_444_800L);

            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void theMapperWritesInstantsAsJavaTimeModuleDoes() throws Exception {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.parse("2026-11-27T08:30:00.123456Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.5Z"),
                Instant.MIN, Instant.MAX}) {
            assertThat(OURS.writeValueAsString(instant)).isEqualTo(JAVA_TIME.writeValueAsString(instant));
        }
    }
}
