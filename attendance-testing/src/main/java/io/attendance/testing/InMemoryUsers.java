package io.attendance.testing;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link Users} over an {@link InMemoryStore}: rolled back with the unit of work it is part of. */
public final class InMemoryUsers implements Users {
    private final InMemoryStore db;

    public InMemoryUsers(InMemoryStore db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(Username username) {
        return db.inTransaction(() -> Optional.ofNullable(db.users.get(username.value())));
    }

    @Override
    public void add(User user) {
        db.runInTransaction(() -> {
            if (db.users.containsKey(user.username().value())) {
                throw new Conflict("user " + user.username() + " exists already");
            }
            db.put(db.users, user.username().value(), user);
        });
    }

    @Override
    public List<User> list() {
        return db.inTransaction(() -> List.copyOf(db.users.values()));
    }

    @Override
    public boolean any() {
        return db.inTransaction(() -> !db.users.isEmpty());
    }

    @Override
    public boolean disable(Username username, Instant at) {
        return changeEnabled(username, user -> new User(user.username(), user.passwordHash(), user.grant(),
                user.createdAt(), Optional.of(at)));
    }

    @Override
    public boolean changePassword(Username username, PasswordHash passwordHash) {
        return changeEnabled(username, user -> new User(user.username(), passwordHash, user.grant(),
                user.createdAt(), user.disabledAt()));
    }

    /** Replaces the enabled user of that name with {@code change} of it; false when there is none. */
    private boolean changeEnabled(Username username, UnaryOperator<User> change) {
        return db.inTransaction(() -> {
            User stored = db.users.get(username.value());
            if (stored == null || !stored.enabled()) {
                return false;
            }
            db.put(db.users, username.value(), change.apply(stored));
            return true;
        });
    }
}
