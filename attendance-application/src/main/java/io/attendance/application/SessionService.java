package io.attendance.application;

import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.User;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in sessions: a user proves who they are with a password once and gets a token for every
 * later request, until they sign out, stay idle too long, or reach the session's lifetime.
 */
public final class SessionService {
    /** Unsuccessful sign-ins allowed per username, and per client address, within one window. */
    static final int ATTEMPTS_PER_USERNAME = 5;
    static final int ATTEMPTS_PER_ADDRESS = 20;
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);
    /** One answer for every failed sign-in: which part was wrong is for the attacker to guess. */
    static final String REFUSED = "wrong username or password";

    private final Users users;
    private final SessionStore sessions;
    private final LoginAttempts attempts;
    private final PasswordHashing hashing;
    private final SessionPolicy policy;
    private final Clock clock;
    /** Checked against when there is no user to check: an unknown name costs what a wrong password does. */
    private final PasswordHash decoy;

    SessionService(Users users, SessionStore sessions, LoginAttempts attempts, PasswordHashing hashing,
            SessionPolicy policy, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.attempts = attempts;
        this.hashing = hashing;
        this.policy = policy;
        this.clock = clock;
        this.decoy = hashing.hash(Password.offered("password", SecretToken.generate().reveal()));
    }

    /**
     * @throws TooManyAttempts when the name or the address has used up its attempts; counted
     *     before the password is checked, so concurrent guesses cannot slip past the limit
     * @throws Unauthenticated when the name is unknown or disabled or the password wrong (one answer)
     * @throws io.attendance.domain.error.Unavailable when the session store cannot be reached
     */
    public SignedIn signIn(SignInCommand command) {
        LoginAttempts.Tally tally = attempts.attempt(command.username(), command.address(), ATTEMPT_WINDOW);
        refuseOverLimit(tally);
        Optional<User> user = users.find(command.username()).filter(User::enabled);
        boolean matches = hashing.matches(command.password(), user.map(User::passwordHash).orElse(decoy));
        if (user.isEmpty() || !matches) {
            throw new Unauthenticated(REFUSED);
        }
        attempts.succeeded(command.username(), command.address());
        Instant now = clock.instant();
        SecretToken token = SecretToken.generate();
        Session session = new Session(command.username(), user.get().grant(), now, now.plus(policy.lifetime()));
        sessions.open(token.digest(), session, policy.idle());
        // A deletion that committed while the password was checked has closed the user's sessions
        // already, perhaps before this one opened: look again, and close it if so.
        if (users.find(command.username()).filter(User::enabled).isEmpty()) {
            sessions.close(token.digest());
            throw new Unauthenticated(REFUSED);
        }
        return new SignedIn(token, session);
    }

    private static void refuseOverLimit(LoginAttempts.Tally tally) {
        Duration wait = Duration.ZERO;
        if (tally.ofUsername() > ATTEMPTS_PER_USERNAME) {
            wait = tally.usernameWindowLeft();
        }
        if (tally.fromAddress() > ATTEMPTS_PER_ADDRESS && tally.addressWindowLeft().compareTo(wait) > 0) {
            wait = tally.addressWindowLeft();
        }
        if (!wait.isZero()) {
            throw new TooManyAttempts("too many failed sign-ins; try again later", wait);
        }
    }

    /**
     * Who the session of this token belongs to; a use that keeps it open for another idle period.
     *
     * @throws Unauthenticated when the token is not one of an open session
     * @throws io.attendance.domain.error.Unavailable when the session store cannot be reached
     */
    public Principal principalOf(String token) {
        return SecretToken.presented(token)
                .flatMap(presented -> sessions.use(presented.digest(), policy.idle(), clock.instant()))
                .map(Session::principal)
                .orElseThrow(() -> new Unauthenticated("the session has ended or never existed; sign in again"));
    }

    /** Ends the session of this token at once, for every instance. */
    public void signOut(String token) {
        SecretToken.presented(token).ifPresent(presented -> sessions.close(presented.digest()));
    }
}
