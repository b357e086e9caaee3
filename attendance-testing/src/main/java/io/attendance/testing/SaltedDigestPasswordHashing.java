package io.attendance.testing;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.port.PasswordHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FAKE for fast tests only: a random salt and one SHA-256, written {@code fake$<salt>$<hash>}
 * (base64, no padding). A fast digest is exactly what {@link PasswordHashing} forbids in
 * production; the real hashing is the argon2 adapter's.
 */
public final class SaltedDigestPasswordHashing implements PasswordHashing {
    private static final String PREFIX = "fake$";
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(PREFIX + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(digest(salt, password)));
    }

    /** How many passwords were checked: each check stands for the cost a real hashing would take. */
    public int checks() {
        return checks.get();
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        checks.incrementAndGet();
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 3 || !(parts[0] + "$").equals(PREFIX)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, digest(salt, password));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, Password password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
