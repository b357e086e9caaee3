package io.attendance.application;

import io.attendance.domain.error.PreconditionFailed;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client requires of the stored version before a write (HTTP's If-Match and
 * If-None-Match): a version it last saw, any existing version, or that nothing exists yet.
 */
public record Precondition(Optional<Long> ifMatch, boolean mustExist, boolean mustNotExist) {
    public static final Precondition NONE = new Precondition(Optional.empty(), false, false);

    public Precondition {
        Objects.requireNonNull(ifMatch, "ifMatch");
        if (mustNotExist && (ifMatch.isPresent() || mustExist)) {
            throw new IllegalArgumentException("a write cannot require both an existing and no existing version");
        }
    }

    public static Precondition ifMatch(long version) {
        return new Precondition(Optional.of(version), false, false);
    }

    public static Precondition ifMatchAny() {
        return new Precondition(Optional.empty(), true, false);
    }

    /** Create-only: fails when anything exists. */
    public static Precondition ifNoneMatchAny() {
        return new Precondition(Optional.empty(), false, true);
    }

    /** Whether the write must see exactly the version the client read (a lost race is then a 412). */
    public boolean pinsAVersion() {
        return ifMatch.isPresent();
    }

    /** @throws PreconditionFailed when the stored version (empty: nothing stored) does not satisfy it */
    public void check(Optional<Long> storedVersion) {
        if (mustNotExist && storedVersion.isPresent()) {
            throw new PreconditionFailed("it exists already (version " + storedVersion.get() + ")");
        }
        if (mustExist && storedVersion.isEmpty()) {
            throw new PreconditionFailed("it does not exist");
        }
        ifMatch.ifPresent(expected -> {
            if (!storedVersion.equals(Optional.of(expected))) {
                throw new PreconditionFailed(storedVersion
                        .map(stored -> "the stored version is " + stored + ", not " + expected)
                        .orElse("it does not exist"));
            }
        });
    }
}
