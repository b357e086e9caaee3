package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.Locale;

/**
 * A user's sign-in name: 1 to 64 characters of [a-z0-9._@-], compared without letter case (it is
 * kept in lower case, so "Alice" and "alice" are one user).
 */
public record Username(String value) {
    public static final int MAX_LENGTH = 64;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new ValidationFailed("username", "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationFailed("username", "must be at most " + MAX_LENGTH + " characters");
        }
        value = value.toLowerCase(Locale.ROOT);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '@' || c == '-';
            if (!allowed) {
                throw new ValidationFailed("username", "may contain only letters, digits, '.', '_', '@' and '-'");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
