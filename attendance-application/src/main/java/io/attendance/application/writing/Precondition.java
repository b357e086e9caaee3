package io.attendance.application.writing;

import io.attendance.domain.error.PreconditionFailed;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the client requires of the stored version before a write, as it sent it (HTTP's If-Match and
 * If-None-Match). It is checked against the row the unit of work read, never against an earlier read,
 * so that of concurrent writers pinning the same version exactly one wins.
 *
 * <p>The reasons a check gives name only what the client sent, never a stored version: a caller may
 * write what it may not read (a time clock), and must not learn stored data from a refusal.
 *
 * @param kind     which of the four forms the client sent
 * @param versions the versions one of which must be stored: empty except for {@link Kind#ONE_OF}, and
 *                 empty there too when the client named only versions that cannot match (HTTP's weak
 *                 ETags, which If-Match compares strongly), so that the check fails whatever is stored
 */
public record Precondition(Kind kind, SortedSet<Long> versions) {
    public static final Precondition NONE = new Precondition(Kind.NONE, new TreeSet<>());

    public enum Kind {
        /** No condition: create or replace whatever is stored. */
        NONE,
        /** {@code If-Match: *}: something must be stored, whatever its version. */
        EXISTS,
        /** {@code If-Match: "3", "4"}: the stored version must be one of these (of none: it fails). */
        ONE_OF,
        /** {@code If-None-Match: *}: create only, nothing may be stored. */
        ABSENT
    }

    public Precondition {
        Objects.requireNonNull(kind, "kind");
        versions = Collections.unmodifiableSortedSet(new TreeSet<>(versions));
        if (kind != Kind.ONE_OF && !versions.isEmpty()) {
            throw new IllegalArgumentException("versions are named only by an If-Match list: " + kind + " " + versions);
        }
    }

    public static Precondition ifMatch(long version) {
        return ifMatchOneOf(Set.of(version));
    }

    public static Precondition ifMatchOneOf(Collection<Long> versions) {
        return new Precondition(Kind.ONE_OF, new TreeSet<>(versions));
    }

    public static Precondition ifMatchAny() {
        return new Precondition(Kind.EXISTS, new TreeSet<>());
    }

    /** Create-only: fails when anything exists. */
    public static Precondition ifNoneMatchAny() {
        return new Precondition(Kind.ABSENT, new TreeSet<>());
    }

    /** Whether a concurrent create makes this write fail rather than run again over it. */
    public boolean mustNotExist() {
        return kind == Kind.ABSENT;
    }

    /**
     * Whether the write must store over exactly the version it read: when another writer changes the
     * row first, this write fails (412) instead of running again over the newer version.
     */
    public boolean pinsAVersion() {
        return kind == Kind.ONE_OF;
    }

    /** @throws PreconditionFailed when the stored version (empty: nothing stored) does not satisfy it */
    public void check(Optional<Long> storedVersion) {
        switch (kind) {
            case NONE -> {
            }
            case EXISTS -> storedVersion.orElseThrow(() -> new PreconditionFailed("it does not exist"));
            case ABSENT -> storedVersion.ifPresent(stored -> {
                throw new PreconditionFailed("it exists already");
            });
            case ONE_OF -> {
                long stored = storedVersion.orElseThrow(() -> new PreconditionFailed("it does not exist"));
                if (!versions.contains(stored)) {
                    throw new PreconditionFailed(mismatch());
                }
            }
        }
    }

    /**
     * The failure of a write that pinned a version, when another write changed it after this one read
     * it: of concurrent writers pinning the same version exactly one wins.
     */
    public static PreconditionFailed changedMeanwhile() {
        return new PreconditionFailed("another write changed it first");
    }

    private String mismatch() {
        if (versions.isEmpty()) {
            return "no version can match: If-Match compares entity tags strongly, and a weak one (W/\"3\") matches none";
        }
        String named = versions.stream().map(version -> "\"" + version + "\"").collect(Collectors.joining(", "));
        return "the stored version is " + (versions.size() == 1 ? "not " : "none of ") + named;
    }
}
