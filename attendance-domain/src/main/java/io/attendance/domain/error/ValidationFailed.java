package io.attendance.domain.error;

import java.util.List;

/** Input that breaks a business rule; carries every field error found, not only the first. */
public final class ValidationFailed extends DomainException {
    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(error.field()).append(' ').append(error.message());
        }
        return text.toString();
    }
}
