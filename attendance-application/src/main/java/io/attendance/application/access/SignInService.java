package io.attendance.application.access;

import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.User;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Opening and ending sign-in sessions: a user proves who they are with a password once and gets a
 * token for every later request ({@link SessionService} tells whose it is), until they sign out.
 */
public final class SignInService {
    /** One answer for every failed sign-in: which part was wrong is for the attacker to guess. */
    static final String REFUSED = "wrong username or password";

    private final Users users;
    private final SessionStore sessions;
    private final PasswordChecks passwords;
    private final SignInPolicy policy;
    private final Clock clock;

    public SignInService(Users users, SessionStore sessions, PasswordChecks passwords, SignInPolicy policy,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @throws TooManyAttempts when the failed sign-ins for the name from this address, from the
     *     address, or for the name over every address have used up their limit; counted before the
     *     password is checked, so concurrent guesses cannot slip past the limits
     * @throws Unauthenticated when the name is unknown or disabled or the password wrong (one answer)
     * @throws io.attendance.domain.error.Unavailable when the session store cannot be reached
     */
    public SignedIn signIn(SignInCommand command) {
        User signingIn = passwords.verified(command.username(), command.address(), command.password(),
                        () -> users.find(command.username()).filter(User::enabled))
                .orElseThrow(() -> new Unauthenticated(REFUSED));
        Instant now = clock.instant();
        SecretToken token = SecretToken.generate();
        Session session = new Session(command.username(), signingIn.grant(), now, now.plus(policy.lifetime()),
                signingIn.credentials().number());
        sessions.open(token.digest(), session, policy.idle());
        // A deletion or a new password that committed while the password was checked has ended the
        // user's sessions already, perhaps before this one opened: look again, and end it if so.
        if (!users.find(command.username()).filter(User::enabled).map(User::credentials)
                .equals(Optional.of(signingIn.credentials()))) {
            sessions.close(token.digest());
            throw new Unauthenticated(REFUSED);
        }
        return new SignedIn(token, session);
    }

    /** Ends the session of this token at once, for every instance. */
    public void signOut(String token) {
        SecretToken.presented(token).ifPresent(presented -> sessions.close(presented.digest()));
    }
}
