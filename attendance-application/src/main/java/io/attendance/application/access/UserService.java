package io.attendance.application.access;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.Unavailable;
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
    private final PasswordChecks passwords;
    private final Clock clock;

    public UserService(Transactions transactions, Users users, SessionStore sessions, PasswordHashing hashing,
            PasswordChecks passwords, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.hashing = hashing;
        this.passwords = passwords;
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
     * Disables the user, which moves their credentials version on: from then on every instance refuses
     * their sessions and the API keys they issued. Their sessions are also ended in the session store
     * at once, when it answers; when it does not, every instance still refuses them within the
     * revocation lag, having read the new version from the system of record.
     *
     * @throws NotFound when no user, enabled or deleted, has that name
     * @throws Conflict when it is the last enabled administrator, decided by the store so that no
     *     interleaving of deletions leaves none
     */
    public void delete(Username username) {
        Users.Disabling outcome = transactions.inTransaction(() -> users.disable(username, clock.instant()));
        if (outcome == Users.Disabling.LAST_ADMINISTRATOR) {
            throw new Conflict("the last administrator cannot be deleted");
        }
        if (outcome == Users.Disabling.NO_ENABLED_USER && transactions.inTransaction(() -> users.find(username)).isEmpty()) {
            throw new NotFound("no user " + username);
        }
        endSessionsIfReachable(username);
    }

    /**
     * Sets a new password, which moves the user's credentials version on and so ends every session
     * of theirs, as {@link #delete} does: whoever knew the old one is signed out. A user changes their
     * own with their current password, checked within the same limits as a sign-in; an
     * administrator changes anyone's without it.
     *
     * @throws Forbidden when the caller is neither the user nor an administrator
     * @throws ValidationFailed when the user themself gives no current password or a wrong one
     * @throws io.attendance.domain.error.TooManyAttempts when the failed checks of the current password
     *     (or sign-ins) for the name or from the address have used up their limit
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
            if (passwords.verified(user.username(), command.address(), current, () -> Optional.of(user)).isEmpty()) {
                throw new ValidationFailed("currentPassword", "is not the current password");
            }
        }
        boolean changed = transactions.inTransaction(() -> users.changePassword(command.username(),
                hashing.hash(command.newPassword()), clock.instant()));
        if (!changed) {
            throw new NotFound("no user " + command.username());
        }
        endSessionsIfReachable(command.username());
    }

    /**
     * Ends the user's sessions in the session store. A store that does not answer changes nothing the
     * caller must know: the new credentials version, committed already, has every instance refuse
     * those sessions within the revocation lag, and their keys idle out by themselves.
     */
    private void endSessionsIfReachable(Username username) {
        try {
            sessions.closeAllOf(username);
        } catch (Unavailable storeDown) {
            // see above: the sessions are refused all the same
        }
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
