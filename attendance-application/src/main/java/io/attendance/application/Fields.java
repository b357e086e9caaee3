package io.attendance.application;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Parses a command's raw text fields, collecting every field error instead of stopping at the first. */
final class Fields {
    private final List<FieldError> errors = new ArrayList<>();
    private final String prefix;

    Fields(String prefix) {
        this.prefix = prefix;
    }

    Fields() {
        this("");
    }

    <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ValidationFailed e) {
            e.errors().forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            return null;
        }
    }

    /** Like {@link #parse(Supplier)}, but every error is reported on {@code field} (the name the client used). */
    <T> T parse(String field, Supplier<T> parser) {
        return parse(() -> {
            try {
                return parser.get();
            } catch (ValidationFailed e) {
                throw new ValidationFailed(e.errors().stream()
                        .map(error -> new FieldError(field, error.message())).toList());
            }
        });
    }

    /** Absent when null; else an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00. */
    Optional<Instant> instant(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> parsed = parse(() -> {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException e) {
                throw new ValidationFailed(field, "must be an ISO-8601 date-time with an offset, such as 2026-11-27T08:30:00+01:00");
            }
        });
        return parsed == null ? Optional.empty() : parsed;
    }

    /** Throws every error collected so far, if any. */
    void complete() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    List<FieldError> errors() {
        return errors;
    }
}
