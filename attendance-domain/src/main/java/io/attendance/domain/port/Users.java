package io.attendance.domain.port;

import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.time.Instant;
import java.util.List;
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

    /** @return false when no enabled user has that name */
    boolean disable(Username username, Instant at);

    /** @return false when no enabled user has that name */
    boolean changePassword(Username username, PasswordHash passwordHash);
}
