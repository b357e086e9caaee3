package io.attendance.testing;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Process-local {@link LoginAttempts} on a clock the test controls: a count's window starts with its
 * first attempt and the count is forgotten when the clock reaches the window's end.
 */
public final class InMemoryLoginAttempts implements LoginAttempts {
    /** Guarded by {@code this}: an attempt is admitted against every count at once. */
    private final Map<String, Count> counts = new HashMap<>();
    private final Supplier<Instant> clock;

    /** @param clock the time windows are measured against; a test moves it to let windows end */
    public InMemoryLoginAttempts(Supplier<Instant> clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Duration> admit(Username username, String address, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        Instant now = clock.get();
        List<String> keys = keys(username, address);
        List<Integer> limitOf = List.of(limits.perUsernameAndAddress(), limits.perAddress(), limits.perUsername());
        Duration wait = Duration.ZERO;
        for (int i = 0; i < keys.size(); i++) {
            Count count = current(keys.get(i), now);
            if (count != null && count.attempts() >= limitOf.get(i)) {
                Duration left = Duration.between(now, count.windowEnd());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        for (String key : keys) {
            Count count = current(key, now);
            counts.put(key, count == null ? new Count(1, now.plus(limits.window()))
                    : new Count(count.attempts() + 1, count.windowEnd()));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void succeeded(Username username, String address) {
        Instant now = clock.get();
        List<String> keys = keys(username, address);
        counts.remove(keys.get(0));
        for (String key : keys.subList(1, keys.size())) {
            Count count = current(key, now);
            if (count != null) {
                counts.put(key, new Count(Math.max(0, count.attempts() - 1), count.windowEnd()));
            }
        }
    }

    /** The count under {@code key} while its window lasts; null once it has ended. */
    private Count current(String key, Instant now) {
        Count count = counts.get(key);
        if (count != null && !now.isBefore(count.windowEnd())) {
            counts.remove(key);
            return null;
        }
        return count;
    }

    /** The keys of the username from the address, of the address, of the username. */
    private static List<String> keys(Username username, String address) {
        Objects.requireNonNull(address, "address");
        return List.of("user-addr:" + username.value() + "/" + address, "addr:" + address, "user:" + username.value());
    }

    private record Count(int attempts, Instant windowEnd) {
    }
}
