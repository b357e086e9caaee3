package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.Objects;

/** A person whose attendance is recorded. The name is free text for people, not for terminals. */
public record Employee(EmployeeId id, String name) {
    public static final int MAX_NAME_LENGTH = 200;

    public Employee {
        Objects.requireNonNull(id, "id");
        name = requireValidName(name);
    }

    /** The rule for a person's name, shared by every entry point that accepts one. */
    public static String requireValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationFailed("name", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ValidationFailed("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationFailed("name", "must not contain control characters");
        }
        return trimmed;
    }

    public Employee renamed(String newName) {
        return new Employee(id, newName);
    }
}
