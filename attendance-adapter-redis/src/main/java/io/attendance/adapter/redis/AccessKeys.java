package io.attendance.adapter.redis;

import io.attendance.domain.model.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The names of every key {@link RedisSessionStore} and {@link RedisLoginAttempts} read or write, all
 * under {@code att:{access}:}. No part holds a colon or a brace of its own or a character a shell or
 * a log would mangle. The hash tag {@code {access}} puts every one of them in one hash slot of a
 * Redis Cluster: a session is found by its token's digest alone, yet opening it and ending all of a
 * user's sessions touch it and the user's set in one script, which a cluster only runs within one
 * slot.
 */
final class AccessKeys {
    private static final String SESSION_PREFIX = "att:{access}:session:";
    private static final String USER_SESSIONS_PREFIX = "att:{access}:user-sessions:";
    private static final String USER_ATTEMPTS_PREFIX = "att:{access}:login:user:";
    private static final String ADDRESS_ATTEMPTS_PREFIX = "att:{access}:login:addr:";
    private static final String USERNAME_FROM_ADDRESS_ATTEMPTS_PREFIX = "att:{access}:login:user-addr:";
    /** Longest address text kept readable in its key: an IPv6 address with an IPv4 tail is 45. */
    private static final int MAX_READABLE_ADDRESS = 45;
    /** Marks a digested address; never part of an IP address's text, so the two forms never meet. */
    private static final String DIGESTED = "sha256=";

    private AccessKeys() {
    }

    /**
     * {@code att:{access}:session:<digest>}, the token's digest as {@code SecretToken.digest()} writes it.
     *
     * @throws IllegalArgumentException when it is not 1 to 128 lower-case hex digits
     */
    static String session(String tokenDigest) {
        if (tokenDigest == null || tokenDigest.isEmpty() || tokenDigest.length() > 128) {
            throw new IllegalArgumentException("a token digest is 1 to 128 lower-case hex digits");
        }
        for (int i = 0; i < tokenDigest.length(); i++) {
            char c = tokenDigest.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException("a token digest is 1 to 128 lower-case hex digits");
            }
        }
        return SESSION_PREFIX + tokenDigest;
    }

    /** {@code att:{access}:user-sessions:<username>}: usernames are made of {@code [a-z0-9._@-]}. */
    static String userSessions(Username username) {
        return USER_SESSIONS_PREFIX + username.value();
    }

    static String userAttempts(Username username) {
        return USER_ATTEMPTS_PREFIX + username.value();
    }

    /**
     * {@code att:{access}:login:user-addr:<username>/<address>}, the address written as in
     * {@link #addressAttempts}: a username has no slash, so the two parts never run together.
     */
    static String usernameFromAddressAttempts(Username username, String address) {
        return USERNAME_FROM_ADDRESS_ATTEMPTS_PREFIX + username.value() + '/' + addressPart(address);
    }

    /**
     * {@code att:{access}:login:addr:<address>}. An IP address's text (hex digits, dots and colons, at most 45
     * characters, taken in lower case) stays readable with each colon written as a dash
     * ({@code 2001:db8::1} is {@code 2001-db8--1}); any other text is {@code sha256=} and the
     * base64url SHA-256 of its UTF-8, so no caller-supplied text reaches a key as it is and a key
     * stays short.
     */
    static String addressAttempts(String address) {
        return ADDRESS_ATTEMPTS_PREFIX + addressPart(address);
    }

    private static String addressPart(String address) {
        if (address == null) {
            throw new IllegalArgumentException("an address is required");
        }
        String lower = address.toLowerCase(Locale.ROOT);
        return isIpText(lower) ? lower.replace(':', '-') : DIGESTED + digest(address);
    }

    private static boolean isIpText(String text) {
        if (text.isEmpty() || text.length() > MAX_READABLE_ADDRESS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
