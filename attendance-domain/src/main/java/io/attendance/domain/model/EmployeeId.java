package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.regex.Pattern;

/** An employee's identifier as HR systems issue it: 1 to 64 characters of [A-Za-z0-9._-]. */
public record EmployeeId(String value) implements Comparable<EmployeeId> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public EmployeeId {
        if (value == null || value.isEmpty()) {
            throw new ValidationFailed("id", "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationFailed("id", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new ValidationFailed("id", "may contain only letters, digits, '.', '_' and '-'");
        }
    }

    @Override
    public int compareTo(EmployeeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
