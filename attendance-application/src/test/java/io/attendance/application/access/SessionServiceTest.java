package io.attendance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.application.InMemoryApplication;
import io.attendance.application.employees.EmployeeReads;
import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.CachedReads;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    private static final Username ALICE = new Username("alice");
    private static final String PASSWORD = "correct horse battery";
    private static final String HOME = "192.0.2.10";

    private final InMemoryApplication app = new InMemoryApplication();
    private final SignInService signIns = app.useCases.signIns();
    private final SessionService sessions = app.useCases.sessions();

    SessionServiceTest() {
        app.useCases.users().create(new CreateUserCommand(ALICE, Password.chosen("password", PASSWORD),
                new Grant(Set.of(Role.EMPLOYEE), Optional.of(new EmployeeId("E-1")))));
    }

    private SignedIn signIn(String password, String address) {
        return signIns.signIn(new SignInCommand(ALICE, Password.offered("password", password), address));
    }

    @Test
    void aSignInOpensASessionWhoseTokenNamesTheUserWithTheirRights() {
        SignedIn signedIn = signIn(PASSWORD, HOME);

        Principal caller = sessions.principalOf(signedIn.token().reveal());
        assertThat(caller.kind()).isEqualTo(Principal.Kind.USER);
        assertThat(caller.actor()).isEqualTo("user:alice");
        assertThat(caller.roles()).containsExactly(Role.EMPLOYEE);
        assertThat(caller.employeeId()).contains(new EmployeeId("E-1"));
        assertThat(signedIn.session().expiresAt()).isEqualTo(app.clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void theTokenIs256RandomBitsAndTheStoreKeepsOnlyItsDigest() {
        SignedIn first = signIn(PASSWORD, HOME);
        SignedIn second = signIn(PASSWORD, HOME);

        assertThat(Base64.getUrlDecoder().decode(first.token().reveal())).hasSize(32);
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(app.sessions.digests()).contains(first.token().digest(), second.token().digest())
                .doesNotContain(first.token().reveal(), second.token().reveal());
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        Unauthenticated wrongPassword = catchThrowableOfType(Unauthenticated.class, () -> signIn("not the password", HOME));
        Unauthenticated unknownUser = catchThrowableOfType(Unauthenticated.class, () -> signIns.signIn(
                new SignInCommand(new Username("mallory"), Password.offered("password", PASSWORD), HOME)));

        assertThat(wrongPassword).hasMessage(unknownUser.getMessage());
    }

    @Test
    void anUnknownUserCostsAPasswordCheckLikeAKnownOne() {
        int before = app.hashing.checks();
        assertThatThrownBy(() -> signIns.signIn(
                new SignInCommand(new Username("mallory"), Password.offered("password", PASSWORD), HOME)))
                .isInstanceOf(Unauthenticated.class);
        assertThat(app.hashing.checks()).isEqualTo(before + 1);
    }

    @Test
    void theSixthFailedSignInForOneNameFromOneAddressIsRefusedEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("wrong", HOME)).isInstanceOf(Unauthenticated.class);
        }
        TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class, () -> signIn(PASSWORD, HOME));

        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        app.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(signIn(PASSWORD, HOME).session().username()).isEqualTo(ALICE);
    }

    @Test
    void wrongGuessesFromOneAddressNeverStopTheRightPasswordFromAnother() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("wrong", HOME)).isInstanceOf(Unauthenticated.class);
        }
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> signIn("still wrong", HOME)).isInstanceOf(TooManyAttempts.class);
        }

        assertThat(signIn(PASSWORD, "198.51.100.7").session().username()).isEqualTo(ALICE);
    }

    @Test
    void aGuessSpreadOverManyAddressesMeetsTheCeilingOfTheName() {
        for (int address = 0; address < 100; address++) {
            String from = "198.51.100." + address;
            assertThatThrownBy(() -> signIn("wrong", from)).isInstanceOf(Unauthenticated.class);
        }

        assertThatThrownBy(() -> signIn(PASSWORD, "203.0.113.1")).isInstanceOf(TooManyAttempts.class);
        assertThat(app.hashing.checks()).as("a refused attempt checks no password").isEqualTo(100);
    }

    @Test
    void aSuccessfulSignInStartsTheNameAfresh() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn("wrong", HOME)).isInstanceOf(Unauthenticated.class);
        }
        signIn(PASSWORD, HOME);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("wrong", HOME)).isInstanceOf(Unauthenticated.class);
        }
        assertThatThrownBy(() -> signIn(PASSWORD, HOME)).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAfterTwenty() {
        for (int i = 0; i < 20; i++) {
            Username name = new Username("user" + i);
            assertThatThrownBy(() -> signIns.signIn(new SignInCommand(name, Password.offered("password", "x"), HOME)))
                    .isInstanceOf(Unauthenticated.class);
        }
        assertThatThrownBy(() -> signIn(PASSWORD, HOME)).isInstanceOf(TooManyAttempts.class);
        assertThat(signIn(PASSWORD, "198.51.100.7").session().username()).as("another address").isEqualTo(ALICE);
    }

    @Test
    void aSessionLapsesAfterItsIdleTimeWithoutUse() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        app.clock.advance(Duration.ofHours(7));
        sessions.principalOf(token);
        app.clock.advance(Duration.ofHours(7));
        assertThat(sessions.principalOf(token).name()).as("each use re-arms the idle time").isEqualTo("alice");

        app.clock.advance(Duration.ofHours(8).plusSeconds(1));
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void noUseKeepsASessionPastItsLifetime() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        for (int hour = 0; hour < 23; hour++) {
            app.clock.advance(Duration.ofHours(1));
            sessions.principalOf(token);
        }
        app.clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void signingOutEndsTheSessionAtOnce() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        signIns.signOut(token);
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void tokensThisServiceNeverIssuedAreRefusedWithoutALookUp() {
        for (String token : new String[] {"", "x", SecretToken.generate().reveal() + "=", "../../etc/passwd"}) {
            assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
        }
        assertThatThrownBy(() -> sessions.principalOf(SecretToken.generate().reveal())).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void aDeletedUserCannotSignIn() {
        app.useCases.users().delete(ALICE);
        assertThatThrownBy(() -> signIn(PASSWORD, HOME)).isInstanceOf(Unauthenticated.class)
                .hasMessage(SignInService.REFUSED);
    }

    @Test
    void aSessionWhoseUserGotNewCredentialsIsRefusedOnceTheRevocationLagHasPassedThoughTheStoreKeepsIt() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        sessions.principalOf(token);

        app.users.changePassword(ALICE, app.hashing.hash(Password.chosen("password", "changed elsewhere")),
                app.clock.instant());
        app.clock.advance(InMemoryApplication.SIGN_IN.revocationLag().plusMillis(1));

        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void aSessionOfAUserDisabledBehindTheSessionStoresBackIsRefusedOnceTheRevocationLagHasPassed() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        app.users.disable(ALICE, app.clock.instant());

        assertThatThrownBy(() -> signIn(PASSWORD, "198.51.100.7")).isInstanceOf(Unauthenticated.class);
        app.clock.advance(InMemoryApplication.SIGN_IN.revocationLag().plusMillis(1));
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void theLookupMadeWithTheSessionCheckServesTheRequestsFirstReadOnce() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        EmployeeId ada = app.hire("E-1", "Ada Lovelace", "Ops", "Europe/Paris");
        EmployeeReads employees = app.useCases.attendance().employeeReads();
        employees.get(ada);
        int before = app.cacheLookups.get();

        sessions.principalOf(token, Optional.of(CachedReads.employee(ada)));

        assertThat(employees.get(ada).name()).isEqualTo("Ada Lovelace");
        assertThat(app.cacheLookups.get()).as("no lookup of its own").isEqualTo(before);
        employees.get(ada);
        assertThat(app.cacheLookups.get()).as("taken once only").isEqualTo(before + 1);
    }

    @Test
    void aLookupMadeAheadIsTakenOnlyByAReadOfItsKeyAndClearingForgetsIt() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        EmployeeId ada = app.hire("E-1", "Ada Lovelace", "Ops", "Europe/Paris");
        EmployeeId bob = app.hire("E-2", "Bob", "Sales", "America/Los_Angeles");
        EmployeeReads employees = app.useCases.attendance().employeeReads();
        int before = app.cacheLookups.get();

        sessions.principalOf(token, Optional.of(CachedReads.employee(ada)));
        employees.get(bob);
        employees.get(ada);
        assertThat(app.cacheLookups.get()).as("Bob's read asked the cache, Ada's took the lookup").isEqualTo(before + 1);

        sessions.principalOf(token, Optional.of(CachedReads.employee(ada)));
        app.useCases.prefetchedLookups().clear();
        employees.get(ada);
        assertThat(app.cacheLookups.get()).isEqualTo(before + 2);
    }

    @Test
    void aTokenThatProvesNothingLeavesNoLookupAhead() {
        String token = signIn(PASSWORD, HOME).token().reveal();
        EmployeeId ada = app.hire("E-1", "Ada Lovelace", "Ops", "Europe/Paris");
        EmployeeReads employees = app.useCases.attendance().employeeReads();
        app.users.disable(ALICE, app.clock.instant());
        app.clock.advance(InMemoryApplication.SIGN_IN.revocationLag().plusMillis(1));
        int before = app.cacheLookups.get();

        assertThatThrownBy(() -> sessions.principalOf(token, Optional.of(CachedReads.employee(ada))))
                .isInstanceOf(Unauthenticated.class);
        employees.get(ada);

        assertThat(app.cacheLookups.get()).as("the read asked the cache itself").isEqualTo(before + 1);
    }
}
