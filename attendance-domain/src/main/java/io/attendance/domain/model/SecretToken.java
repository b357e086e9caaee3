package io.attendance.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer secret (a session token or an API key): 256 bits from {@link SecureRandom} as unpadded
 * base64url text, shown to its owner once. Stores keep only its {@link #digest()}: a fast hash is
 * enough for 256 random bits, and a leaked store then opens nothing. Never printed.
 */
public final class SecretToken {
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TEXT_LENGTH = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[BYTES]).length();

    private final String text;

    private SecretToken(String text) {
        this.text = text;
    }

    public static SecretToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A token as a caller presented it; empty when it cannot be one this service issued (its
     * digest would match nothing anyway, so it is not worth a lookup).
     */
    public static Optional<SecretToken> presented(String text) {
        if (text == null || text.length() != TEXT_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        return Optional.of(new SecretToken(text));
    }

    /** The text to hand to its owner, once. */
    public String reveal() {
        return text;
    }

    /** The SHA-256 of the text, as 64 lower-case hex digits: what stores keep and look up. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretToken that && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SecretToken[hidden]";
    }
}
