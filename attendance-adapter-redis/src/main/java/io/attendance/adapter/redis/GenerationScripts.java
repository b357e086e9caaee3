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
     * KEYS[1] the epoch, KEYS[2] the generation of the entry, KEYS[3] (optional) the value key of the
     * copy the caller holds; ARGV[1] the value key up to its generation, ARGV[2] the ttl of generation
     * keys in seconds. Returns {generation, value or nil}, the generation being "epoch.counter"; or
     * {generation, 1} without the value when KEYS[3] is the value key of that generation and is still
     * there, so the caller's copy is the current entry.
     */
    static final LuaScript LOOKUP = new LuaScript(CURRENT_OR_SEED + """
            local function current(key)
              return redis.call('GET', key) or seed(key, ARGV[2])
            end
            local generation = current(KEYS[1]) .. '.' .. current(KEYS[2])
            local value_key = ARGV[1] .. generation
            if KEYS[3] == value_key and redis.call('EXISTS', KEYS[3]) == 1 then
              return {generation, 1}
            end
            return {generation, redis.call('GET', value_key)}
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
