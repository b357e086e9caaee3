package io.attendance.application.writing;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.PreconditionFailed;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Upserts without a version from the client race with other writers: a row created or changed
 * between our read and our write. The unit of work then throws {@link Lost}, which rolls it back,
 * and runs again from the start (it sees the other writer's result), a few times before the race
 * is reported as a {@link Conflict}.
 */
public final class Races {
    private static final int ATTEMPTS = 5;

    private Races() {
    }

    /** Thrown inside a unit of work to roll it back and run it again. */
    static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs an insert that a concurrent writer may beat: a create-only write then fails its
     * precondition (exactly one creator wins), any other write runs again and finds the row.
     */
    public static void insert(Runnable add, Precondition precondition) {
        try {
            add.run();
        } catch (Conflict concurrentCreate) {
            throw precondition.mustNotExist() ? new PreconditionFailed("it exists already") : new Lost();
        }
    }

    /**
     * The outcome of a compare-and-set on the version a write read: when another writer changed the
     * row first, a client that pinned a version fails its precondition, any other write runs again.
     */
    public static void compareAndSet(boolean swapped, Precondition precondition) {
        if (!swapped) {
            throw precondition.pinsAVersion() ? Precondition.changedMeanwhile() : new Lost();
        }
    }

    /**
     * Stores {@code revision}, the next version of {@code current} read at {@code readVersion}, with a
     * compare-and-set on that version; a lost race ends as {@link #compareAndSet} says. No revision
     * means the write says what is stored: nothing is written.
     *
     * @param replace the port's compare-and-set, such as {@code Employees::replace}
     */
    public static <T> Written<T> replaceIfRevised(T current, long readVersion, Optional<T> revision,
            BiPredicate<T, Long> replace, Precondition precondition) {
        if (revision.isEmpty()) {
            return new Written<>(current, Written.Outcome.UNCHANGED);
        }
        compareAndSet(replace.test(revision.get(), readVersion), precondition);
        return new Written<>(revision.get(), Written.Outcome.UPDATED);
    }

    public static <T> T retried(Supplier<T> unitOfWork) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.get();
            } catch (Lost race) {
                if (attempt == ATTEMPTS) {
                    throw new Conflict("too many concurrent changes to the same data; try again");
                }
            }
        }
    }
}
