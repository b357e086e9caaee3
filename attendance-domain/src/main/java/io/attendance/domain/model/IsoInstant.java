package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads instants as clients write them: ISO-8601 date-times that say their offset, never a local time,
 * and only those the service stores exactly. That is one rule for every instant a client sends (a
 * record's check-in and check-out, alone or in a batch, and the {@code updatedSince} of a search):
 * beyond it a value would reach the database as one it refuses (a 500), or be stored other than the
 * answer showed it (PostgreSQL keeps microseconds, and rounds a finer instant, perhaps into the next
 * day).
 */
public final class IsoInstant {
    /**
     * The first and last instants the service holds: a day before the first work date
     * ({@link WorkDate#EARLIEST}, in any time zone) to the last that every store and every time zone
     * can write.
     */
    public static final Instant EARLIEST = Instant.parse("1969-12-31T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final String RANGE = "must be a date-time from 1969-12-31 to 9999-12-31 UTC";
    private static final String SYNTAX = "must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00";
    private static final String PRECISION = "must not be finer than a microsecond: at most 6 digits after the second";
    private static final int NANOS_PER_MICRO = 1_000;

    private IsoInstant() {
    }

    /**
     * Parses {@code text}, such as {@code 2026-11-27T08:30:00Z} or {@code 2026-11-27T08:30:00+01:00}. A
     * space stands for '+': no date-time contains one, and a '+' left unencoded in a URL arrives as one.
     *
     * @throws ValidationFailed on the field {@code instant} when the text is not such a date-time, or
     *     one outside {@link #EARLIEST} to {@link #LATEST}, or finer than a microsecond
     */
    public static Instant parse(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("instant", SYNTAX);
        } catch (DateTimeException beyondEveryInstant) {
            throw new ValidationFailed("instant", RANGE);
        }
        if (!inRange(instant)) {
            throw new ValidationFailed("instant", RANGE);
        }
        if (instant.getNano() % NANOS_PER_MICRO != 0) {
            throw new ValidationFailed("instant", PRECISION);
        }
        return instant;
    }

    /** Whether the instant is one from {@link #EARLIEST} to {@link #LATEST}. */
    static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
