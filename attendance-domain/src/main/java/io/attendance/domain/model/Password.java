package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.Objects;

/**
 * A password as a person typed it. Never printed: {@link #toString()} hides it, so it cannot reach a
 * log line or an error message by accident.
 */
public final class Password {
    /** Longer input is refused before hashing: hashing cost must not be the caller's to choose. */
    public static final int MAX_LENGTH = 1024;
    /** What a new password needs at least. */
    public static final int MIN_NEW_LENGTH = 12;

    private final String text;

    private Password(String text) {
        this.text = text;
    }

    /**
     * A password offered to sign in: any text up to {@link #MAX_LENGTH} characters.
     *
     * @throws ValidationFailed when absent, empty or too long
     */
    public static Password offered(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationFailed(field, "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ValidationFailed(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return new Password(text);
    }

    /**
     * A password chosen for an account: at least {@link #MIN_NEW_LENGTH} characters, not blank.
     *
     * @throws ValidationFailed otherwise
     */
    public static Password chosen(String field, String text) {
        Password password = offered(field, text);
        if (text.codePointCount(0, text.length()) < MIN_NEW_LENGTH || text.isBlank()) {
            throw new ValidationFailed(field, "must be at least " + MIN_NEW_LENGTH + " characters");
        }
        return password;
    }

    /** The typed text, for the hashing adapter alone. */
    public String reveal() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
