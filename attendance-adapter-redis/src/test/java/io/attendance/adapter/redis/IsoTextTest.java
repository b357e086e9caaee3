package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.attendance.testing.SampleInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTextTest {
    private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_9999_END = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400 - 1;

    @Test
    void everyInstantComesBackFromItsTextToTheNanosecond() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = SampleInstants.nth(random, i, YEAR_0, YEAR_9999_END + 1);

            assertThat(IsoText.instant(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void everyDateComesBackFromItsText() {
        for (LocalDate date = LocalDate.of(1969, 12, 1); date.isBefore(LocalDate.of(2030, 1, 1)); date = date.plusDays(1)) {
            assertThat(IsoText.date(date.toString())).isEqualTo(date);
        }
        assertThat(IsoText.date("0000-01-01")).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(IsoText.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    /** Text that Instant.toString never writes: the answer, or the failure, is exactly Instant.parse's. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T08:30:00Z", "2026-11-27T08:30:00.1Z", "2026-11-27T08:30:00.123456789Z",
            "2026-11-27t08:30:00z", "2026-11-27T08:30:00.Z", "2026-11-27T08:30:00.1234567890Z",
            "2026-11-27T08:30:00+01:00", "2026-11-27T24:00:00Z", "2026-11-27T23:59:60Z", "2026-02-30T08:30:00Z",
            "2026-13-27T08:30:00Z", "+12026-11-27T08:30:00Z", "-0001-11-27T08:30:00Z", "2026-11-27T08:30Z",
            "2026-11-27 08:30:00Z", "2026-1a-27T08:30:00Z", "2026-11-27T08:3a:00Z", "2026-11-27T08:30:00.12a4Z",
            "２０２６-11-27T08:30:00Z", "2026-11-27T08:30:00,5Z", "", "Z", "not an instant at all!"})
    void otherTextIsReadExactlyAsInstantParseReadsIt(String text) {
        assertSameOutcome(text, IsoText::instant, Instant::parse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "2026-11-31",
            "+12026-11-27", "-0001-11-27", "2026-1-27", "2026/11/27", "2026-11-2a", "２０２６-11-27", "", "20261127"})
    void otherDatesAreReadExactlyAsLocalDateParseReadsThem(String text) {
        assertSameOutcome(text, IsoText::date, LocalDate::parse);
    }

    private static <T> void assertSameOutcome(String text, Function<String, T> fast, Function<String, T> reference) {
        Throwable expectedFailure = catchThrowable(() -> reference.apply(text));
        Throwable failure = catchThrowable(() -> fast.apply(text));
        if (expectedFailure == null) {
            assertThat(failure).as(text).isNull();
            assertThat(fast.apply(text)).as(text).isEqualTo(reference.apply(text));
        } else {
            assertThat(failure).as(text).isNotNull().hasSameClassAs(expectedFailure);
        }
    }
}
