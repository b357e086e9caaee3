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
        return of(status, source).build();
    }

    /**
     * An entry built field by field from what every entry has, a status and the channel writing it;
     * every other field is absent until set. Code that builds entries this way keeps compiling, and
     * keeps meaning the same, when an optional field is added.
     */
    public static Builder of(AttendanceStatus status, RecordSource source) {
        return new Builder(status, source);
    }

    /** A builder holding this entry's fields, to change some of them. */
    public Builder toBuilder() {
        return of(status, source).checkIn(checkIn).checkOut(checkOut).note(note);
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

    /**
     * Same content, ignoring which channel wrote it: a rewrite of equal content changes nothing.
     * Every other field takes part, a field added later included.
     */
    public boolean sameContentAs(DayEntry other) {
        return equals(other.toBuilder().source(source).build());
    }

    /** Collects an entry's fields; {@link #build} validates them as the constructor does. */
    public static final class Builder {
        private AttendanceStatus status;
        private RecordSource source;
        private Optional<Instant> checkIn = Optional.empty();
        private Optional<Instant> checkOut = Optional.empty();
        private Optional<String> note = Optional.empty();

        private Builder(AttendanceStatus status, RecordSource source) {
            this.status = status;
            this.source = source;
        }

        public Builder status(AttendanceStatus status) {
            this.status = status;
            return this;
        }

        public Builder source(RecordSource source) {
            this.source = source;
            return this;
        }

        public Builder checkIn(Instant checkIn) {
            return checkIn(Optional.of(checkIn));
        }

        public Builder checkIn(Optional<Instant> checkIn) {
            this.checkIn = checkIn;
            return this;
        }

        public Builder checkOut(Instant checkOut) {
            return checkOut(Optional.of(checkOut));
        }

        public Builder checkOut(Optional<Instant> checkOut) {
            this.checkOut = checkOut;
            return this;
        }

        public Builder note(String note) {
            return note(Optional.of(note));
        }

        public Builder note(Optional<String> note) {
            this.note = note;
            return this;
        }

        /** @throws ValidationFailed naming every field in error, as the constructor does */
        public DayEntry build() {
            return new DayEntry(status, checkIn, checkOut, note, source);
        }
    }
}
