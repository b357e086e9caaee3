package io.attendance.adapter.redis;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link LoginAttempts} as Redis counters shared by every instance: one per username from one
 * address, one per address and one per username ({@link AccessKeys} keeps an address safe in a key).
 * A counter's ttl is its window, set by its first attempt. Each call is one script
 * ({@link AccessScripts}); every fault is thrown as {@link io.attendance.domain.error.Unavailable}.
 */
public final class RedisLoginAttempts implements LoginAttempts {
    private final Supplier<UnifiedJedis> redis;

    /** @param redis a pooled client with bounded timeouts, built when first asked for (see {@link RedisStore}) */
    public RedisLoginAttempts(Supplier<UnifiedJedis> redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<Duration> admit(Username username, String address, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        List<String> args = List.of(Long.toString(limits.window().toMillis()),
                Integer.toString(limits.perUsernameAndAddress()), Integer.toString(limits.perAddress()),
                Integer.toString(limits.perUsername()));
        long wait = (Long) RedisFaults.orUnavailable("session store", () ->
                AccessScripts.ADMIT.run(redis.get(), counts(username, address), args));
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }

    @Override
    public void succeeded(Username username, String address) {
        RedisFaults.orUnavailable("session store",
                () -> AccessScripts.SUCCEEDED.run(redis.get(), counts(username, address), List.of()));
    }

    /** The keys of the three counts, in the order the scripts take them. */
    private static List<String> counts(Username username, String address) {
        return List.of(AccessKeys.usernameFromAddressAttempts(username, address), AccessKeys.addressAttempts(address),
                AccessKeys.userAttempts(username));
    }
}
