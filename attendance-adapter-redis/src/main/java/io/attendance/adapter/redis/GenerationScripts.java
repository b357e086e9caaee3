package io.attendance.adapter.redis;

/**
 * The scripts behind the generation scheme of {@link RedisReadCache}. Each runs atomically on
 * the server, so a lookup sees the generations and the value of one instant, and an invalidation
 * or a catch-up moves all of its generations at once.
 *
 * <p>A generation key that is missing (never written, expired, evicted, or lost with the data set)
 * is seeded from the server clock in microseconds. A counter only moves by one per invalidation, so
 * a fresh seed is larger than any generation that key ever held before (that would take more than
 * one invalidation per microsecond), and a value parked under an old generation can never become
 * visible again, whatever Redis dropped.
 *
 * <p>The scripts that move generations on begin with an EXPIRE, a write that needs no memory: Redis
 * refuses a script's write for lack of memory ({@code maxmemory} with {@code noeviction}) only
 * before its first write, so a full Redis still takes every invalidation, while lookups, which only
 * read, and fills, which it refuses, turn into misses.
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
     * {@code lookup(epoch, generation of the entry, entry, the cache's position in the change feed,
     * ttl of generation keys in seconds, generation of the copy the caller holds or empty)}: returns
     * {generation, position or false, value or nothing}, the generation being "epoch.counter" and the
     * value the entry's when it was stored under that generation; or {generation, position, 1}
     * without the value when the entry is of that generation and so is the caller's copy, which is
     * then the current entry. Also the second half of {@link AccessScripts#USE_AND_LOOKUP}.
     */
    static final String LOOKUP_FUNCTIONS = CURRENT_OR_SEED + """
            local function lookup(epoch, entry_generation, entry, feed, ttl, held)
              local function current(key)
                return redis.call('GET', key) or seed(key, ttl)
              end
              local generation = current(epoch) .. '.' .. current(entry_generation)
              local position = redis.call('GET', feed) or false
              if redis.call('HGET', entry, 'g') ~= generation then
                return {generation, position}
              end
              if held == generation then
                return {generation, position, 1}
              end
              return {generation, position, redis.call('HGET', entry, 'v')}
            end
            """;

    /**
     * KEYS[1] the epoch, KEYS[2] the generation of the entry, KEYS[3] the entry, KEYS[4] the cache's
     * position in the change feed; ARGV[1] the ttl of generation keys in seconds, ARGV[2] the
     * generation of the copy the caller holds, or empty. Answers as {@code lookup} does.
     */
    static final LuaScript LOOKUP = new LuaScript(LOOKUP_FUNCTIONS + """
            return lookup(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], ARGV[2])
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

    private static final String MOVE_ON = """
            local function move_on(key)
              if redis.call('EXISTS', key) == 1 then
                redis.call('INCR', key)
                redis.call('EXPIRE', key, ARGV[1])
              else
                seed(key, ARGV[1])
              end
            end
            """;

    /**
     * KEYS[1] the epoch, KEYS[2..n] generations to move on; ARGV[1] the ttl of generation keys in
     * seconds. Every key touched gets its ttl back in full.
     */
    static final LuaScript INVALIDATE = new LuaScript(CURRENT_OR_SEED + MOVE_ON + """
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            for i = 2, #KEYS do
              move_on(KEYS[i])
            end
            return #KEYS
            """);

    /**
     * A catch-up with the change feed. KEYS[1] the epoch, KEYS[2] the cache's position in the feed,
     * KEYS[3..n] the generations of the changed employees and the listings'; ARGV[1] the ttl in
     * seconds, ARGV[2] the position the changes were read after ('' when there was none), ARGV[3] the
     * position they were read up to, ARGV[4] '1' when everyone counts as changed: the epoch moves to
     * the server clock in microseconds, or one past its value if that is later, which drops every
     * entry. Returns 0 without a change when the stored position is no longer
     * the one the changes were read after and is not later either (Redis lost it, or it appeared
     * since): they may not cover what was lost, so the caller reads again. Positions are
     * "transaction:event".
     */
    static final LuaScript CATCH_UP = new LuaScript(CURRENT_OR_SEED + MOVE_ON + """
            local function before(a, b)
              local at, ae = string.match(a, '^(%d+):(%d+)$')
              local bt, be = string.match(b, '^(%d+):(%d+)$')
              at, ae, bt, be = tonumber(at), tonumber(ae), tonumber(bt), tonumber(be)
              return at < bt or (at == bt and ae < be)
            end
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            local stored = redis.call('GET', KEYS[2])
            if ARGV[2] == '' then
              if stored then return 0 end
            elseif not stored or before(stored, ARGV[2]) then
              return 0
            end
            if ARGV[4] == '1' then
              local now = redis.call('TIME')
              local epoch = tonumber(now[1]) * 1000000 + tonumber(now[2])
              local old = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
              if epoch <= old then epoch = old + 1 end
              redis.call('SET', KEYS[1], string.format('%.0f', epoch), 'EX', ARGV[1])
            end
            for i = 3, #KEYS do
              move_on(KEYS[i])
            end
            if not stored or before(stored, ARGV[3]) then
              redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[1])
            else
              redis.call('EXPIRE', KEYS[2], ARGV[1])
            end
            return 1
            """);

    private GenerationScripts() {
    }
}
