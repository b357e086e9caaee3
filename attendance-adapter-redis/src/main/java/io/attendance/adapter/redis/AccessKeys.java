package io.attendance.adapter.redis;

import io.attendance.domain.model.Username;
import java.util.Locale;

/**
 * The names of every key {@link RedisSessionStore} and {@link RedisLoginAttempts} read or write, all
 * in the {@link KeySpace}. No part holds a colon or a brace of its own or a character a shell or a
 * log would mangle.
 */
final class AccessKeys {
    private static final String SESSION_PREFIX = KeySpace.PREFIX + "session:";
    private static final String USER_SESSIONS_PREFIX = KeySpace.PREFIX + "user-sessions:";
    private static final String USER_ATTEMPTS_PREFIX = KeySpace.PREFIX + "login:user:";
    private static final String ADDRESS_ATTEMPTS_PREFIX = KeySpace.PREFIX + "login:addr:";
    private static final String USERNAME_FROM_ADDRESS_ATTEMPTS_PREFIX = KeySpace.PREFIX + "login:user-addr:";
    /** Longest address text kept readable in its key: an IPv6 address with an IPv4 tail is 45. */
    private static final int MAX_READABLE_ADDRESS = 45;
    /** Marks a digested address; never part of an IP address's text, so the two forms never meet. */
    private static final String DIGESTED = "sha256=";

    private AccessKeys() {
    }

    /**
     * {@code att:{att}:session:<digest>}, the token's digest as {@code SecretToken.digest()} writes it.
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

    /** {@code att:{att}:user-sessions:<username>}: usernames are made of {@code [a-z0-9._@-]}. */
    static String userSessions(Username username) {
        return USER_SESSIONS_PREFIX + username.value();
    }

    static String userAttempts(Username username) {
        return USER_ATTEMPTS_PREFIX + username.value();
    }

    /**
     * {@code att:{att}:login:user-addr:<username>/<address>}, the address written as in
     * {@link #addressAttempts}: a username has no slash, so the two parts never run together.
     */
    static String usernameFromAddressAttempts(Username username, String address) {
        return USERNAME_FROM_ADDRESS_ATTEMPTS_PREFIX + username.value() + '/' + addressPart(address);
    }

    /**
     * {@code att:{att}:login:addr:<address>}. An IP address's text (hex digits, dots and colons, at most 45
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
        return isIpText(lower) ? lower.replace(':', '-') : DIGESTED + KeySpace.digest(address);
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
}
