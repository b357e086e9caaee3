package io.attendance.testing;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Instants for round-trip tests of ISO-8601 text: the n-th has, in turn, no fraction of a second,
 * or a fraction of 3, 6 or 9 digits, the four shapes {@link Instant#toString} writes.
 */
public final class SampleInstants {
    private SampleInstants() {
    }

    /** The {@code n}-th sample, its second drawn from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive). */
    public static Instant nth(SplittableRandom random, int n, long fromSecond, long toSecond) {
        int nanos = switch (n % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(random.nextLong(fromSecond, toSecond), nanos);
    }
}
