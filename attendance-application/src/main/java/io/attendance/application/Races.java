package io.attendance.application;

import io.attendance.domain.error.Conflict;
import java.util.function.Supplier;

/**
 * Upserts without a version from the client race with other writers: a row created or changed
 * between our read and our write. The unit of work then throws {@link Lost}, which rolls it back,
 * and runs again from the start (it sees the other writer's result), a few times before the race
 * is reported as a {@link Conflict}.
 */
final class Races {
    private static final int ATTEMPTS = 5;

    private Races() {
    }

    /** Thrown inside a unit of work to roll it back and run it again. */
    static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    static <T> T retried(Supplier<T> unitOfWork) {
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
