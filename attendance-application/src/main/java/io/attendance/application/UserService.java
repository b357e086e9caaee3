package io.attendance.application;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Permission;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people who sign in: created by an administrator (the first one at start-up), listed,
 * deleted (disabled, with every session ended at once), and given new passwords.
 */
public final class UserService {
    private final Transactions transactions;
    private final Users users;
    private final SessionStore sessions;
    private final PasswordHashing hashing;
    private final Clock clock;

    UserService(Transactions transactions, Users users, SessionStore sessions, PasswordHashing hashing, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.hashing = hashing;
        this.clock = clock;
    }

    /** @throws Conflict when the name is taken, also by a deleted user */
    public User create(CreateUserCommand command) {
        User user = User.enabled(command.username(), hashing.hash(command.password()), command.grant(), clock.instant());
        transactions.runInTransaction(() -> users.add(user));
        return user;
    }

    /**
     * Creates the first administrator when no user exists at all; several instances starting at once
     * with the same configured name create one between them (the name's uniqueness decides).
     *
     * @return whether this call created it
     */
    public boolean createFirstAdministrator(Username username, Password password) {
        if (transactions.inTransaction(users::any)) {
            return false;
        }
        try {
            create(new CreateUserCommand(username, password, new Grant(Set.of(Role.ADMIN), Optional.empty())));
            return true;
        } catch (Conflict anotherInstanceWon) {
            return false;
        }
    }

    /** Every user, deleted ones too, by name. */
    public List<User> list() {
        return transactions.inTransaction(users::list);
    }

    /**
     * Disables the user, then ends their sessions on every instance; their API keys stop with them.
     * Disabling first means a sign-in racing with this either sees the user disabled or opened its
     * session before the sessions are ended.
     *
     * @throws NotFound when no user, enabled or deleted, has that name (deleting again ends any
     *     session a failed first call could not reach)
     * @throws Conflict when it is the last enabled administrator
     * @throws io.attendance.domain.error.Unavailable when the sessions could not be ended (the user
     *     is disabled already; deleting again ends them)
     */
    public void delete(Username username) {
        transactions.runInTransaction(() -> {
            User user = users.find(username).orElseThrow(() -> new NotFound("no user " + username));
            if (user.enabled()) {
                refuseToRemoveLastAdministrator(user);
                users.disable(username, clock.instant());
            }
        });
        sessions.closeAllOf(username);
    }

    /** Without an administrator nobody could create users or keys any more, short of the database. */
    private void refuseToRemoveLastAdministrator(User user) {
        boolean anotherAdministrator = users.list().stream()
                .anyMatch(other -> other.enabled() && !other.username().equals(user.username())
                        && other.grant().roles().contains(Role.ADMIN));
        if (user.grant().roles().contains(Role.ADMIN) && !anotherAdministrator) {
            throw new Conflict("the last administrator cannot be deleted");
        }
    }

    /**
     * Sets a new password and ends every session of the user, so that whoever knew the old one is
     * signed out. A user changes their own with their current password; an administrator changes
     * anyone's without it.
     *
     * @throws Forbidden when the caller is neither the user nor an administrator
     * @throws ValidationFailed when the user themself gives no current password or a wrong one
     * @throws NotFound when no enabled user has that name
     */
    public void changePassword(ChangePasswordCommand command, Principal caller) {
        boolean self = caller.isUser(command.username());
        boolean administrator = caller.may(Permission.MANAGE_ACCESS);
        if (!self && !administrator) {
            throw new Forbidden("only the user themself or an administrator may change a password");
        }
        User user = transactions.inTransaction(() -> users.find(command.username())).filter(User::enabled)
                .orElseThrow(() -> new NotFound("no user " + command.username()));
        if (self && !administrator) {
            Password current = command.currentPassword()
                    .orElseThrow(() -> new ValidationFailed("currentPassword", "is required"));
            if (!hashing.matches(current, user.passwordHash())) {
                throw new ValidationFailed("currentPassword", "is not the current password");
            }
        }
        boolean changed = transactions.inTransaction(
                () -> users.changePassword(command.username(), hashing.hash(command.newPassword())));
        if (!changed) {
            throw new NotFound("no user " + command.username());
        }
        sessions.closeAllOf(command.username());
    }

    /**
     * The user, enabled or deleted, for an administrator or the user themself. Who may ask is decided
     * before anything is read, so that a refusal does not tell whether the name exists.
     *
     * @throws Forbidden when the caller is neither the user nor an administrator
     * @throws NotFound when no user has that name
     */
    public User get(Username username, Principal caller) {
        if (!caller.isUser(username) && !caller.may(Permission.MANAGE_ACCESS)) {
            throw new Forbidden("only the user themself or an administrator may read a user");
        }
        return transactions.inTransaction(() -> users.find(username))
                .orElseThrow(() -> new NotFound("no user " + username));
    }
}
