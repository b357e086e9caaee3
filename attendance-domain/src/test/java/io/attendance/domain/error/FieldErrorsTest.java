package io.attendance.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    private static String refused(String field, String message) {
        throw new ValidationFailed(field, message);
    }

    @Test
    void everyFailedCheckIsCollectedInOrderAndReportedAtOnce() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.check(() -> "fine")).isEqualTo("fine");
        assertThat(errors.isEmpty()).isTrue();
        errors.throwIfAny();
        assertThat(errors.check(() -> refused("date", "must be a calendar date"))).isNull();
        assertThat(errors.check(() -> refused("status", "must be one of ..."), "unknown")).isEqualTo("unknown");
        errors.add("note", "is too long");

        assertThat(errors.isEmpty()).isFalse();
        assertThat(errors.list()).containsExactly(new FieldError("date", "must be a calendar date"),
                new FieldError("status", "must be one of ..."), new FieldError("note", "is too long"));
        assertThat(catchThrowableOfType(ValidationFailed.class, errors::throwIfAny).errors()).isEqualTo(errors.list());
    }

    @Test
    void aSharedParserIsReportedOnTheFieldTheClientNamed() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.check("checkIn", () -> "08:00")).isEqualTo("08:00");
        assertThat(errors.check("checkOut", () -> refused("instant", "must be an ISO-8601 date-time"))).isNull();

        assertThat(errors.list()).containsExactly(new FieldError("checkOut", "must be an ISO-8601 date-time"));
    }

    @Test
    void anItemsErrorsAreNamedWithItsIndex() {
        FieldErrors third = new FieldErrors("[3].");

        third.check(() -> refused("status", "is required"));
        third.check("checkIn", () -> refused("instant", "is not a date-time"));

        assertThat(third.list()).extracting(FieldError::field).containsExactly("[3].status", "[3].checkIn");
    }
}
