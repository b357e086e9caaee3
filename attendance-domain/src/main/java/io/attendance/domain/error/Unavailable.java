package io.attendance.domain.error;

import java.util.Optional;

/**
 * A backing service the operation needs cannot be reached. Clients are told only that the service is
 * unavailable, unless the thrower names a {@link #publicReason()} fit for them (which store, never
 * where it is or why it failed).
 */
public final class Unavailable extends DomainException {
    private final String publicReason;

    public Unavailable(String message, Throwable cause) {
        this(message, cause, null);
    }

    private Unavailable(String message, Throwable cause, String publicReason) {
        super(message, cause);
        this.publicReason = publicReason;
    }

    /** Unavailable for a reason clients may read, such as "session store unavailable". */
    public static Unavailable withPublicReason(String publicReason, Throwable cause) {
        return new Unavailable(publicReason, cause, publicReason);
    }

    public Optional<String> publicReason() {
        return Optional.ofNullable(publicReason);
    }
}
