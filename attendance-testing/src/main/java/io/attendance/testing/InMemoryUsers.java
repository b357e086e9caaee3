package io.attendance.testing;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    public Disabling disable(Username username, Instant at) {
        return db.inTransaction(() -> {
            User stored = db.users.get(username.value());
            if (stored == null || !stored.enabled()) {
                return Disabling.NO_ENABLED_USER;
            }
            boolean anotherAdministrator = db.users.values().stream()
                    .anyMatch(other -> other.enabledAdministrator() && !other.username().equals(username));
            if (stored.enabledAdministrator() && !anotherAdministrator) {
                return Disabling.LAST_ADMINISTRATOR;
            }
            db.put(db.users, username.value(), stored.disabled(at));
            return Disabling.DISABLED;
        });
    }

    @Override
    public boolean changePassword(Username username, PasswordHash passwordHash, Instant at) {
        return db.inTransaction(() -> {
            User stored = db.users.get(username.value());
            if (stored == null || !stored.enabled()) {
                return false;
            }
            db.put(db.users, username.value(), stored.withPassword(passwordHash, at));
            return true;
        });
    }

    @Override
    public Map<Username, Long> credentialsChangedSince(Instant since) {
        return db.inTransaction(() -> db.users.values().stream()
                .filter(user -> user.credentials().changedAt().filter(changed -> !changed.isBefore(since)).isPresent())
                .collect(Collectors.toMap(User::username, user -> user.credentials().number())));
    }
}
