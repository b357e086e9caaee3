package io.attendance.domain.port;

import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people who sign in. Users are never removed, only disabled, so a name is never reused. */
public interface Users {

    /** The user, enabled or disabled. */
    Optional<User> find(Username username);

    /**
     * Stores a user whose name was never taken.
     *
     * @throws io.attendance.domain.error.Conflict when a user with that name exists, even disabled
     */
    void add(User user);

    /** Every user, enabled and disabled, by name. */
    List<User> list();

    /** Whether any user exists, enabled or disabled. */
    boolean any();

    /**
     * Disables the enabled user {@code at}, moving their credentials version on, unless they are the
     * last enabled administrator: without one nobody could manage access any more. The store decides
     * that under its own locks, so of concurrent disablings of the last two administrators exactly
     * one succeeds, whatever the interleaving.
     */
    Disabling disable(Username username, Instant at);

    /**
     * Gives the enabled user a new password {@code at}, moving their credentials version on.
     *
     * @return false when no enabled user has that name
     */
    boolean changePassword(Username username, PasswordHash passwordHash, Instant at);

    /**
     * The credentials version number of every user whose credentials changed at or after
     * {@code since}: what ends the sessions opened under an older number.
     */
    Map<Username, Long> credentialsChangedSince(Instant since);

    /** What {@link #disable} did. */
    enum Disabling {
        DISABLED,
        /** No enabled user has that name: unknown, or disabled already. */
        NO_ENABLED_USER,
        /** Nothing: the user is the only enabled administrator. */
        LAST_ADMINISTRATOR
    }
}
