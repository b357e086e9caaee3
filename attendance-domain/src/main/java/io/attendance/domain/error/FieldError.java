package io.attendance.domain.error;

import java.util.Objects;

/** One rejected input: the field (as the client named it) and why. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
