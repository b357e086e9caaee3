package io.attendance.adapter.redis;

/**
 * The scripts behind {@link RedisSessionStore} and {@link RedisLoginAttempts}: each runs atomically
 * on the server in one round trip. The time left to a session's absolute end is measured with the
 * service's clock (the caller's {@code now}), not the server's, so that end is the one the service
 * decided; Redis only counts the ttls down.
 *
 * <p>Every key a script touches is passed in KEYS, and all of them share one hash slot
 * ({@link KeySpace}), so each script runs as it is on a Redis Cluster too.
 */
final class AccessScripts {

    /**
     * KEYS[1] the session, KEYS[2] the user's sessions; ARGV[1] the session's ttl in ms (min of idle
     * and the time left to its absolute end), ARGV[2] the time left to its absolute end in ms,
     * ARGV[3] the token digest, ARGV[4] the absolute end in epoch ms, ARGV[5] now in epoch ms,
     * ARGV[6..] the session's fields and values. The user's set is a sorted set of digests scored by
     * their absolute end: sessions past it are dropped from it here, and the set lives as long as
     * the latest session it holds.
     */
    static final LuaScript OPEN = new LuaScript("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 6))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[5])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            return 1
            """);

    /**
     * {@code use(session key, idle in ms, now in epoch ms)}: the session's fields as a flat field-value
     * list when it is open, its ttl re-armed to min(idle, time left to its absolute end); false when it
     * is not (one past its absolute end is deleted).
     */
    private static final String USE_FUNCTION = """
            local function use(key, idle, now)
              local ends = redis.call('HGET', key, 'expiresAtMillis')
              if not ends then
                return false
              end
              local left = tonumber(ends) - tonumber(now)
              if left <= 0 then
                redis.call('DEL', key)
                return false
              end
              redis.call('PEXPIRE', key, math.min(tonumber(idle), left))
              return redis.call('HGETALL', key)
            end
            """;

    /** KEYS[1] the session; ARGV[1] idle in ms, ARGV[2] now in epoch ms. {@code use} of it, nil for false. */
    static final LuaScript USE = new LuaScript(USE_FUNCTION + """
            return use(KEYS[1], ARGV[1], ARGV[2])
            """);

    /**
     * The session check of a request and the lookup of the cache entry it reads first, in one round
     * trip. KEYS[1] the session, KEYS[2..5] and ARGV[3..4] those of {@link GenerationScripts#LOOKUP};
     * ARGV[1] idle in ms, ARGV[2] now in epoch ms. Nil when the session is not open, and then nothing
     * is looked up; else {the session's fields as {@link #USE} answers them, the lookup's answer}.
     */
    static final LuaScript USE_AND_LOOKUP = new LuaScript(GenerationScripts.LOOKUP_FUNCTIONS + USE_FUNCTION + """
            local session = use(KEYS[1], ARGV[1], ARGV[2])
            if not session then
              return false
            end
            return {session, lookup(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[3], ARGV[4])}
            """);

    /** KEYS[1] the session. Deletes it; answers its username, or nil when it was not open. */
    static final LuaScript CLOSE = new LuaScript("""
            local username = redis.call('HGET', KEYS[1], 'username')
            redis.call('DEL', KEYS[1])
            return username
            """);

    /**
     * KEYS[1] the user's sessions, KEYS[2..n] the sessions to end; ARGV[1..n-1] their digests, as
     * read from the set just before. Deletes those sessions and takes them out of the set; answers
     * how many the set still holds (sessions opened since it was read), which the caller ends next.
     */
    static final LuaScript CLOSE_SOME = new LuaScript("""
            for i = 2, #KEYS do
              redis.call('DEL', KEYS[i])
            end
            if #ARGV > 0 then
              redis.call('ZREM', KEYS[1], unpack(ARGV))
            end
            return redis.call('ZCARD', KEYS[1])
            """);

    /**
     * KEYS[1..3] the counts of the username from the address, of the address and of the username;
     * ARGV[1] the window in ms, ARGV[2..4] the limit of each count in the same order. When a count has
     * reached its limit nothing is counted and the answer is the longest time left to the window of
     * such a count, in ms; otherwise each count takes one more (a count that is new, or has somehow
     * lost its expiry, starts its window now) and the answer is 0.
     */
    static final LuaScript ADMIT = new LuaScript("""
            local wait = 0
            for i = 1, 3 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then
                local left = redis.call('PTTL', KEYS[i])
                if left < 0 then
                  redis.call('PEXPIRE', KEYS[i], ARGV[1])
                  left = tonumber(ARGV[1])
                end
                if left > wait then
                  wait = left
                end
              end
            end
            if wait > 0 then
              return wait
            end
            for i = 1, 3 do
              if redis.call('INCR', KEYS[i]) == 1 or redis.call('PTTL', KEYS[i]) < 0 then
                redis.call('PEXPIRE', KEYS[i], ARGV[1])
              end
            end
            return 0
            """);

    /**
     * KEYS[1..3] the counts of the username from the address, of the address and of the username.
     * Deletes the first and takes one off each of the others, never below zero and never creating one
     * (a DECR on a missing key would leave a count with no expiry).
     */
    static final LuaScript SUCCEEDED = new LuaScript("""
            redis.call('DEL', KEYS[1])
            for i = 2, 3 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
                redis.call('DECR', KEYS[i])
              end
            end
            return 1
            """);

    private AccessScripts() {
    }
}
