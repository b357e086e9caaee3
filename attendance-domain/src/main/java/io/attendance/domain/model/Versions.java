package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;

/** The bookkeeping every versioned entity shares, and the rule every compare-and-set store follows. */
public final class Versions {
    private Versions() {
    }

    static void check(long version, Instant createdAt, Instant updatedAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt precedes createdAt");
        }
    }

    /**
     * A caller's mistake, not a lost race: a compare-and-set replacement stores the version right
     * after the one it expects.
     */
    public static void requireNext(long version, long expectedVersion) {
        if (version != expectedVersion + 1) {
            throw new IllegalArgumentException("version " + version + " does not follow " + expectedVersion);
        }
    }
}
