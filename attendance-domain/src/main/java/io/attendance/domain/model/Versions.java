package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;

/** The bookkeeping every versioned entity shares. */
final class Versions {
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
}
