package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;

/** An employee's identifier as HR systems issue it: 1 to 64 characters of [A-Za-z0-9._-]. */
public record EmployeeId(String value) implements Comparable<EmployeeId> {
    public static final int MAX_LENGTH = 64;

    public EmployeeId {
        if (value == null || value.isEmpty()) {
            throw new ValidationFailed("id", "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationFailed("id", "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                throw new ValidationFailed("id", "may contain only letters, digits, '.', '_' and '-'");
            }
        }
    }

    /** A loop, not a regex: every record read from the cache checks its id (a tenth of a list page's CPU). */
    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
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
