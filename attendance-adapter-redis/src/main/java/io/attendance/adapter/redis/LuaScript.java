package io.attendance.adapter.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A server-side script, sent by its SHA-1 (EVALSHA) and in full only when the server does not know
 * it yet (after a restart or a SCRIPT FLUSH): one round trip in the usual case.
 */
final class LuaScript {
    private final byte[] source;
    private final byte[] sha1;

    LuaScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(this.source))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /**
     * Runs the script with binary-safe replies: a bulk string comes back as the {@code byte[]} Redis
     * holds (a cached value is never decoded to text on the way), an integer as a {@code Long}.
     */
    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        return runWithBinaryArgs(redis, keys, utf8(args));
    }

    /** As {@link #run}, with arguments passed as the bytes they are, such as a cached value. */
    Object runWithBinaryArgs(UnifiedJedis redis, List<String> keys, List<byte[]> argBytes) {
        List<byte[]> keyBytes = utf8(keys);
        try {
            return redis.evalsha(sha1, keyBytes, argBytes);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keyBytes, argBytes);
        }
    }

    private static List<byte[]> utf8(List<String> texts) {
        return texts.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
