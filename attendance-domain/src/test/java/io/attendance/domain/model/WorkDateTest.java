package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkDateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2026-13-45", "27/11/2026", "2026-02-30", "2026-2-3", "20261127", "2026-11-27T00:00",
            "+2026-11-27", "1969-12-31", "x' OR '1'='1"})
    void onlyRealCalendarDatesWrittenYyyyMmDdFrom1970AreAccepted(String text) {
        assertThatThrownBy(() -> WorkDate.parse(text)).isInstanceOf(ValidationFailed.class).hasMessageStartingWith("date");
    }

    @Property
    void everyDateFrom1970RoundTripsThroughItsText(@ForAll @DateRange(min = "1970-01-01", max = "2999-12-31") LocalDate date) {
        assertThat(WorkDate.parse(date.toString()).value()).isEqualTo(date);
    }

    /** Any digits in the shape YYYY-MM-DD: a text read without the formatter is read as the formatter reads it. */
    @Property
    void aTextOfTenDigitsAndDashesIsReadAsTheStrictFormatterReadsIt(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 99) int month, @ForAll @IntRange(min = 0, max = 99) int day) {
        String text = String.format("%04d-%02d-%02d", year, month, day);
        LocalDate byTheFormatter;
        try {
            byTheFormatter = LocalDate.parse(text, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException notADate) {
            assertThatThrownBy(() -> WorkDate.parse(text)).as(text).isInstanceOf(ValidationFailed.class);
            return;
        }
        if (byTheFormatter.isBefore(WorkDate.EARLIEST)) {
            assertThatThrownBy(() -> WorkDate.parse(text)).as(text).isInstanceOf(ValidationFailed.class);
        } else {
            assertThat(WorkDate.parse(text).value()).as(text).isEqualTo(byTheFormatter);
        }
    }

    @Property
    void theBookingWindowEnds366DaysAfterToday(@ForAll @IntRange(min = -20_000, max = 2_000) int daysFromToday) {
        LocalDate date = TODAY.plusDays(daysFromToday);
        if (date.isBefore(WorkDate.EARLIEST)) {
            return;
        }
        WorkDate workDate = new WorkDate(date);
        if (daysFromToday <= WorkDate.MAX_DAYS_AHEAD) {
            assertThat(workDate.requireWithinBookingWindow(CLOCK)).isEqualTo(workDate);
        } else {
            assertThatThrownBy(() -> workDate.requireWithinBookingWindow(CLOCK)).isInstanceOf(ValidationFailed.class);
        }
    }
}
