package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @Test
    void readsADateTimeWithItsOffsetToTheMicrosecond() {
        assertThat(IsoInstant.parse("2026-11-27T08:30:00+01:00")).isEqualTo(Instant.parse("2026-11-27T07:30:00Z"));
        assertThat(IsoInstant.parse(" 2026-11-27T08:30:00.123456 01:00")).isEqualTo(Instant.parse("2026-11-27T07:30:00.123456Z"));
        assertThat(IsoInstant.parse("1969-12-31T00:00:00Z")).isEqualTo(IsoInstant.EARLIEST);
        assertThat(IsoInstant.parse("9999-12-31T23:59:59.999999Z")).isEqualTo(IsoInstant.LATEST);
        assertThat(IsoInstant.parse("2026-11-27T23:59:59.999999000Z")).isEqualTo(Instant.parse("2026-11-27T23:59:59.999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T08:30:00", "2026-11-27", "yesterday", "2026-11-27T25:00:00Z", ""})
    void refusesWhatIsNoDateTimeWithAnOffset(String text) {
        assertThat(refusal(text).message()).startsWith("must be an ISO-8601 date-time with an offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1969-12-30T23:59:59.999999Z",
            "-4713-11-24T00:00:00Z", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
            "9999-12-31T23:59:59.999999-00:01"})
    void refusesWhatTheStoreCannotHold(String text) {
        assertThat(refusal(text).message()).isEqualTo("must be a date-time from 1969-12-31 to 9999-12-31 UTC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T23:59:59.9999996Z", "2026-11-27T08:30:00.0000001Z", "2026-11-27T08:30:00.123456789+01:00"})
    void refusesWhatIsFinerThanTheMicrosecondTheStoreKeeps(String text) {
        assertThat(refusal(text).message()).startsWith("must not be finer than a microsecond");
    }

    private static FieldError refusal(String text) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> IsoInstant.parse(text));
        assertThat(refused).as(text).isNotNull();
        assertThat(refused.errors()).singleElement().extracting(FieldError::field).isEqualTo("instant");
        return refused.errors().get(0);
    }
}
