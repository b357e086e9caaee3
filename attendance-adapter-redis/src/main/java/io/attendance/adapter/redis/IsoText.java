package io.attendance.adapter.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the ISO-8601 text that {@link Instant#toString} and {@link LocalDate#toString} write, as the
 * cached JSON holds it, without {@code DateTimeFormatter}: its parsing was a third of the CPU of a
 * v2 list page served from the cache (200 instants and 100 dates per page). Only the exact shapes
 * those methods write take the fast path ({@code 2026-11-27T08:30:00.123456Z},
 * {@code 2026-11-27}); any other text goes to {@code Instant.parse} / {@code LocalDate.parse}, so
 * what is accepted, and every error, is theirs.
 */
final class IsoText {
    private static final int NO_DIGITS = -1;

    private IsoText() {
    }

    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || !isDate(text, 0)) {
            return Instant.parse(text);
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = fractionDigits > 9 ? NO_DIGITS : number(text, 20, length - 1);
            if (text.charAt(19) != '.' || fraction == NO_DIGITS) {
                return Instant.parse(text);
            }
            nanos = fraction;
            for (int scale = fractionDigits; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (hour == NO_DIGITS || minute == NO_DIGITS || second == NO_DIGITS) {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), hour, minute,
                    second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return Instant.parse(text);
        }
    }

    static LocalDate date(String text) {
        if (text.length() != 10 || !isDate(text, 0)) {
            return LocalDate.parse(text);
        }
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        } catch (DateTimeException outOfRange) {
            return LocalDate.parse(text);
        }
    }

    /** {@code yyyy-MM-dd} at {@code start}: digits and dashes in place (ranges are checked later). */
    private static boolean isDate(String text, int start) {
        return text.charAt(start + 4) == '-' && text.charAt(start + 7) == '-'
                && number(text, start, start + 4) != NO_DIGITS
                && number(text, start + 5, start + 7) != NO_DIGITS
                && number(text, start + 8, start + 10) != NO_DIGITS;
    }

    /** The ASCII digits from {@code start} to {@code end} as a number, or {@link #NO_DIGITS}. */
    private static int number(String text, int start, int end) {
        if (start >= end) {
            return NO_DIGITS;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NO_DIGITS;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
