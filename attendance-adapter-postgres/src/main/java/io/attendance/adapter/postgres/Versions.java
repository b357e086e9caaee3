package io.attendance.adapter.postgres;

/** The rule of the ports' compare-and-set replacements. */
final class Versions {
    private Versions() {
    }

    /** A caller's mistake, not a lost race: a replacement stores the version after the expected one. */
    static void requireNext(long version, long expectedVersion) {
        if (version != expectedVersion + 1) {
            throw new IllegalArgumentException("version " + version + " does not follow " + expectedVersion);
        }
    }
}
