package io.attendance.adapter.redis;

/**
 * The two scripts behind the generation scheme of {@link RedisReadCache}. Each runs atomically on
 * the server, so a lookup sees the generations and the value of one instant, and an invalidation
 * moves both of its generations at once.
 *
 * <p>A generation key that is missing (never written, expired, evicted, or lost with the data set)
 * is seeded from the server clock in microseconds. A counter only moves by one per invalidation, so
 * a fresh seed is larger than any generation that key ever held before (that would take more than
 * one invalidation per microsecond), and a value parked under an old generation can never become
 * visible again, whatever Redis dropped.
 */
final class GenerationScripts {
    private static final String CURRENT_OR_SEED = """
            if redis.replicate_commands then redis.replicate_commands() end
            local function seed(key, ttl)
              local now = redis.call('TIME')
              local value = now[1] .. string.format('%06d', tonumber(now[2]))
              redis.call('SET', key, value, 'EX', ttl)
              return value
            end
            """;

    /**
     * KEYS[1] the epoch, KEYS[2] the generation of the entry, KEYS[3] the entry; ARGV[1] the ttl of
     * generation keys in seconds, ARGV[2] the generation of the copy the caller holds, or empty.
     * Returns {generation, value or nil}, the generation being "epoch.counter" and the value the
     * entry's when it was stored under that generation; or {generation, 1} without the value when
     * the entry is of that generation and so is the caller's copy, which is then the current entry.
     */
    static final LuaScript LOOKUP = new LuaScript(CURRENT_OR_SEED + """
            local function current(key)
              return redis.call('GET', key) or seed(key, ARGV[1])
            end
            local generation = current(KEYS[1]) .. '.' .. current(KEYS[2])
            if redis.call('HGET', KEYS[3], 'g') ~= generation then
              return {generation}
            end
            if ARGV[2] == generation then
              return {generation, 1}
            end
            return {generation, redis.call('HGET', KEYS[3], 'v')}
            """);

    /**
     * KEYS[1] the entry; ARGV[1] the generation its lookup saw, ARGV[2] the value, ARGV[3] the
     * entry's ttl in ms. Replaces the entry, value and generation together: a value filled under a
     * generation that has moved on meanwhile is never served, since lookups compare the two.
     */
    static final LuaScript FILL = new LuaScript("""
            redis.call('HSET', KEYS[1], 'g', ARGV[1], 'v', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    /**
     * KEYS[1] the epoch, KEYS[2..n] generations to move on; ARGV[1] the ttl of generation keys in
     * seconds, ARGV[2] '1' to move the epoch on too. Every key touched gets its ttl back in full.
     */
    static final LuaScript INVALIDATE = new LuaScript(CURRENT_OR_SEED + """
            local function move_on(key)
              if redis.call('EXISTS', key) == 1 then
                redis.call('INCR', key)
                redis.call('EXPIRE', key, ARGV[1])
              else
                seed(key, ARGV[1])
              end
            end
            if ARGV[2] == '1' then
              move_on(KEYS[1])
            else
              redis.call('EXPIRE', KEYS[1], ARGV[1])
            end
            for i = 2, #KEYS do
              move_on(KEYS[i])
            end
            return #KEYS
            """);

    private GenerationScripts() {
    }
}
