package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads instants as clients write them: ISO-8601 date-times that say their offset, never a local time. */
public final class IsoInstant {
    private static final String RULE = "must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00";

    private IsoInstant() {
    }

    /**
     * Parses {@code text}, such as {@code 2026-11-27T08:30:00Z} or {@code 2026-11-27T08:30:00+01:00}. A
     * space stands for '+': no date-time contains one, and a '+' left unencoded in a URL arrives as one.
     *
     * @throws ValidationFailed on the field {@code instant} when the text is not such a date-time
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("instant", RULE);
        }
    }
}
