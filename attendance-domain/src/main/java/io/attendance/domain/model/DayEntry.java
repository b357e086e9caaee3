package io.attendance.domain.model;

import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a record says about the day: the status, when the employee came and left, a note, and the
 * channel that wrote it. The part a client writes with {@code PUT .../attendance/{date}}.
 */
public record DayEntry(
        AttendanceStatus status,
        Optional<Instant> checkIn,
        Optional<Instant> checkOut,
        Optional<String> note,
        RecordSource source) {
    public static final int MAX_NOTE_LENGTH = 500;
    /** The longest shift a check-in and check-out may span. */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);
    /** Days without work have no check-in or check-out. */
    private static final Set<AttendanceStatus> NOT_WORKED =
            EnumSet.of(AttendanceStatus.ABSENT, AttendanceStatus.ON_LEAVE, AttendanceStatus.HOLIDAY);

    public DayEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        FieldErrors errors = new FieldErrors();
        boolean inRange = inRange("checkIn", checkIn, errors) & inRange("checkOut", checkOut, errors);
        if (NOT_WORKED.contains(status)) {
            checkIn.ifPresent(ignored -> errors.add("checkIn", "is not allowed when the status is " + status.label()));
            checkOut.ifPresent(ignored -> errors.add("checkOut", "is not allowed when the status is " + status.label()));
        }
        if (inRange && checkIn.isPresent() && checkOut.isPresent()) {
            if (!checkOut.get().isAfter(checkIn.get())) {
                errors.add("checkOut", "must be after checkIn");
            } else if (Duration.between(checkIn.get(), checkOut.get()).compareTo(MAX_SHIFT) > 0) {
                errors.add("checkOut", "must be at most 24 hours after checkIn");
            }
        }
        Optional<String> givenNote = note;
        Optional<String> validNote = errors.check(
                () -> givenNote.flatMap(text -> Text.optionalParagraphs("note", text, MAX_NOTE_LENGTH)), Optional.empty());
        errors.throwIfAny();
        note = validNote;
    }

    /**
     * Whether {@code instant} is absent or one a record may hold, {@link IsoInstant#EARLIEST} to
     * {@link IsoInstant#LATEST}, beyond which it would reach the database as a value it refuses, or
     * overflow a date in a zone; adds the field's error when not.
     */
    private static boolean inRange(String field, Optional<Instant> instant, FieldErrors errors) {
        if (instant.filter(at -> !IsoInstant.inRange(at)).isPresent()) {
            errors.add(field, IsoInstant.RANGE);
            return false;
        }
        return true;
    }

    /** A status and nothing else, as v1 writes records. */
    public static DayEntry statusOnly(AttendanceStatus status, RecordSource source) {
        return new DayEntry(status, Optional.empty(), Optional.empty(), Optional.empty(), source);
    }

    /** Minutes between check-in and check-out, when both are known. */
    public Optional<Long> workedMinutes() {
        return checkIn.flatMap(in -> checkOut.map(out -> Duration.between(in, out).toMinutes()));
    }

    /**
     * The check-in must fall on the work date in the employee's zone (a night shift may check out
     * the next morning).
     */
    public DayEntry requireOn(WorkDate date, ZoneId zone) {
        checkIn.ifPresent(in -> {
            if (!in.atZone(zone).toLocalDate().equals(date.value())) {
                throw new ValidationFailed("checkIn", "must fall on " + date + " in the employee's time zone " + zone.getId());
            }
        });
        return this;
    }

    /** Same content, ignoring which channel wrote it: a rewrite of equal content changes nothing. */
    public boolean sameContentAs(DayEntry other) {
        return status == other.status && checkIn.equals(other.checkIn) && checkOut.equals(other.checkOut)
                && note.equals(other.note);
    }
}
