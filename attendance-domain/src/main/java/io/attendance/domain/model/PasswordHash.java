package io.attendance.domain.model;

import java.util.Objects;

/**
 * A stored password hash in the hashing adapter's own self-describing text (algorithm, cost, salt
 * and hash). Not printed either: {@link #toString()} hides it.
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
