package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The public name of an API key (not its secret): 16 lower-case hex digits. */
public record ApiKeyId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeyId {
        if (value == null || !value.matches("[0-9a-f]{16}")) {
            throw new ValidationFailed("id", "must be 16 lower-case hexadecimal digits");
        }
    }

    public static ApiKeyId generate() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new ApiKeyId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
