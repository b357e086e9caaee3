package io.attendance.testing;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Process-local {@link LoginAttempts} on a clock the test controls: a count's window starts with its
 * first attempt and the count is forgotten when the clock reaches the window's end.
 */
public final class InMemoryLoginAttempts implements LoginAttempts {
    /** Guarded by {@code this}: an attempt counts for the name and the address at once. */
    private final Map<String, Count> counts = new HashMap<>();
    private final Supplier<Instant> clock;

    /** @param clock the time windows are measured against; a test moves it to let windows end */
    public InMemoryLoginAttempts(Supplier<Instant> clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Tally attempt(Username username, String address, Duration window) {
        Objects.requireNonNull(address, "address");
        Instant now = clock.get();
        Count ofName = counts.compute(nameKey(username), (key, count) -> oneMore(count, now, window));
        Count fromAddress = counts.compute(addressKey(address), (key, count) -> oneMore(count, now, window));
        return new Tally(ofName.attempts(), Duration.between(now, ofName.windowEnd()),
                fromAddress.attempts(), Duration.between(now, fromAddress.windowEnd()));
    }

    @Override
    public synchronized void succeeded(Username username, String address) {
        Instant now = clock.get();
        counts.remove(nameKey(username));
        counts.computeIfPresent(addressKey(address), (key, count) -> !now.isBefore(count.windowEnd()) ? null
                : new Count(Math.max(0, count.attempts() - 1), count.windowEnd()));
    }

    private static Count oneMore(Count count, Instant now, Duration window) {
        if (count == null || !now.isBefore(count.windowEnd())) {
            return new Count(1, now.plus(window));
        }
        return new Count(count.attempts() + 1, count.windowEnd());
    }

    private static String nameKey(Username username) {
        return "user:" + username.value();
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }

    private record Count(int attempts, Instant windowEnd) {
    }
}
