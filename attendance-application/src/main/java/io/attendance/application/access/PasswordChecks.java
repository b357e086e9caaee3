package io.attendance.application.access;

import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.PasswordHashing;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a password someone offers for a user, within the limits on guessing: a sign-in, and the
 * current password a user gives to change it. Each check is admitted against the limits before it
 * is made, and one for a user there is no hash of costs the same hash and gets the same answer as a
 * wrong password.
 */
public final class PasswordChecks {
    private final LoginAttempts attempts;
    private final LoginAttempts.Limits limits;
    private final PasswordHashing hashing;
    /** Checked against when there is no hash to check: an unknown name costs what a wrong password does. */
    private final PasswordHash decoy;

    public PasswordChecks(LoginAttempts attempts, LoginAttempts.Limits limits, PasswordHashing hashing) {
        this.attempts = attempts;
        this.limits = limits;
        this.hashing = hashing;
        this.decoy = hashing.hash(Password.offered("password", SecretToken.generate().reveal()));
    }

    /**
     * The user {@code user} finds, if {@code offered} is their password; empty when it is not, or
     * there is no such user. {@code user} is not asked when the check is refused.
     *
     * @throws TooManyAttempts when a limit on failed checks for the name or from the address is used up
     * @throws io.attendance.domain.error.Unavailable when the counts cannot be reached
     */
    Optional<User> verified(Username username, String address, Password offered, Supplier<Optional<User>> user) {
        attempts.admit(username, address, limits).ifPresent(wait -> {
            throw new TooManyAttempts("too many failed password checks; try again later", wait);
        });
        Optional<User> candidate = user.get();
        boolean matches = hashing.matches(offered, candidate.map(User::passwordHash).orElse(decoy));
        if (!matches || candidate.isEmpty()) {
            return Optional.empty();
        }
        attempts.succeeded(username, address);
        return candidate;
    }
}
