package io.attendance.adapter.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Where every key of the service lives: under {@code att:{att}:}. The hash tag {@code {att}} puts
 * all of them, the cache's and the sessions' alike, in one hash slot of a Redis Cluster, which runs a
 * script only over keys of one slot: a lookup reads the epoch, a generation and an entry at once, an
 * invalidation moves any number of generations, opening a session writes it and its user's set, and
 * a bearer request's session check and its first cache lookup are one script. The service's data thus
 * live on one master of a cluster.
 */
final class KeySpace {
    static final String PREFIX = "att:{att}:";

    private KeySpace() {
    }

    /** SHA-256 of {@code text}, base64url without padding (43 characters): a key part of fixed length. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
