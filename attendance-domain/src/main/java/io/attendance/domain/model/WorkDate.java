package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * The calendar day an attendance record is about. Days before 1970-01-01 are never valid; how far
 * ahead a record may be written depends on today, so that bound is checked with a clock by
 * {@link #requireWithinBookingWindow(Clock)} where records are written.
 */
public record WorkDate(LocalDate value) implements Comparable<WorkDate> {
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final int MAX_DAYS_AHEAD = 366;
    private static final DateTimeFormatter ISO_STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public WorkDate {
        Objects.requireNonNull(value, "value");
        if (value.isBefore(EARLIEST)) {
            throw new ValidationFailed("date", "must not be before " + EARLIEST);
        }
    }

    /** Parses exactly YYYY-MM-DD and only real calendar dates (no 2026-02-30). */
    public static WorkDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailed("date", "is required");
        }
        String stripped = text.strip();
        try {
            return new WorkDate(isPlainDate(stripped) ? plainDate(stripped) : LocalDate.parse(stripped, ISO_STRICT));
        } catch (DateTimeException e) {
            throw new ValidationFailed("date", "must be a calendar date written YYYY-MM-DD");
        }
    }

    /**
     * Whether the text is ten characters {@code dddd-dd-dd}: what nearly every request sends, read
     * without the formatter, which cost a noticeable part of a cached read's CPU (a path names a date
     * twice: once for the access check's lookup, once for the handler). Anything else goes to the
     * formatter, so both accept exactly the same texts.
     */
    private static boolean isPlainDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** @throws DateTimeException when it is no calendar date (2026-02-30, month 13) */
    private static LocalDate plainDate(String text) {
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    public static WorkDate of(int year, int month, int day) {
        return new WorkDate(LocalDate.of(year, month, day));
    }

    /** Records may be written up to {@value #MAX_DAYS_AHEAD} days ahead (planned leave, holidays). */
    public WorkDate requireWithinBookingWindow(Clock clock) {
        LocalDate latest = LocalDate.now(clock).plusDays(MAX_DAYS_AHEAD);
        if (value.isAfter(latest)) {
            throw new ValidationFailed("date", "must not be after " + latest);
        }
        return this;
    }

    @Override
    public int compareTo(WorkDate other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
