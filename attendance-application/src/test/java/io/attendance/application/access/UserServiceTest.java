package io.attendance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.application.InMemoryApplication;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.TooManyAttempts;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UserServiceTest {
    private static final Username ROOT = new Username("root");
    private static final Username BOB = new Username("bob");
    private static final String ROOT_PASSWORD = "the first administrator";
    private static final String BOB_PASSWORD = "bob's own password";
    private static final String HOME = "192.0.2.1";

    private final InMemoryApplication app = new InMemoryApplication();
    private final UserService users = app.useCases.users();
    private final SignInService signIns = app.useCases.signIns();
    private final SessionService sessions = app.useCases.sessions();

    private static Password password(String text) {
        return Password.chosen("password", text);
    }

    private void createBob(Role role) {
        users.create(new CreateUserCommand(BOB, password(BOB_PASSWORD), new Grant(Set.of(role), Optional.empty())));
    }

    private String signIn(Username username, String password) {
        return signIn(username, password, HOME);
    }

    private String signIn(Username username, String password, String address) {
        return signIns.signIn(new SignInCommand(username, Password.offered("password", password), address))
                .token().reveal();
    }

    /** Bob's own change of his password, from HOME. */
    private static ChangePasswordCommand bobChanges(Optional<String> current, String chosen) {
        return new ChangePasswordCommand(BOB, current.map(text -> Password.offered("currentPassword", text)),
                password(chosen), HOME);
    }

    private Principal administrator() {
        return sessions.principalOf(signIn(ROOT, ROOT_PASSWORD));
    }

    @Test
    void theFirstAdministratorIsCreatedOnlyWhileNoUserExists() {
        assertThat(users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD))).isTrue();
        assertThat(users.createFirstAdministrator(new Username("other"), password(ROOT_PASSWORD))).isFalse();

        assertThat(users.list()).extracting(User::username).containsExactly(ROOT);
        assertThat(users.list().get(0).grant().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void instancesStartingAtOnceCreateOneFirstAdministrator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // every instance is configured with the same name: the name's uniqueness decides
                starts.add(() -> users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD)));
            }
            int created = 0;
            for (Future<Boolean> start : pool.invokeAll(starts)) {
                created += start.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(users.list()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStoredHashIsNeverThePassword() {
        createBob(Role.VIEWER);
        User stored = users.list().get(0);
        assertThat(stored.passwordHash().encoded()).doesNotContain(BOB_PASSWORD);
        assertThat(app.hashing.matches(Password.offered("p", BOB_PASSWORD), stored.passwordHash())).isTrue();
    }

    @Test
    void aNameIsTakenForeverEvenAfterDeletion() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.VIEWER);
        users.delete(BOB);
        assertThatThrownBy(() -> createBob(Role.MANAGER)).isInstanceOf(Conflict.class);
        assertThat(users.list()).filteredOn(user -> user.username().equals(BOB)).singleElement()
                .satisfies(bob -> assertThat(bob.disabledAt()).isPresent());
    }

    @Test
    void deletingAUserEndsEverySessionOfTheirsAtOnce() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.MANAGER);
        String first = signIn(BOB, BOB_PASSWORD);
        String second = signIn(BOB, BOB_PASSWORD);
        String root = signIn(ROOT, ROOT_PASSWORD);

        users.delete(BOB);

        assertThatThrownBy(() -> sessions.principalOf(first)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> sessions.principalOf(second)).isInstanceOf(Unauthenticated.class);
        assertThat(sessions.principalOf(root).name()).isEqualTo("root");
    }

    @Test
    void deletingAnUnknownUserIsNotFoundAndTheLastAdministratorStays() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        assertThatThrownBy(() -> users.delete(BOB)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> users.delete(ROOT)).isInstanceOf(Conflict.class);
        createBob(Role.ADMIN);
        users.delete(ROOT);
        assertThat(users.list()).filteredOn(User::enabled).extracting(User::username).containsExactly(BOB);
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndIsSignedOutEverywhere() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.VIEWER);
        String token = signIn(BOB, BOB_PASSWORD);
        Principal bob = sessions.principalOf(token);

        assertThatThrownBy(() -> users.changePassword(bobChanges(Optional.empty(), "a brand new password"), bob))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> users.changePassword(bobChanges(Optional.of("not bob's password"), "a brand new password"),
                bob)).isInstanceOf(ValidationFailed.class);
        users.changePassword(bobChanges(Optional.of(BOB_PASSWORD), "a brand new password"), bob);

        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> signIn(BOB, BOB_PASSWORD)).isInstanceOf(Unauthenticated.class);
        assertThat(sessions.principalOf(signIn(BOB, "a brand new password")).name()).isEqualTo("bob");
    }

    @Test
    void anAdministratorChangesAnyonesPasswordWithoutTheirs() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.VIEWER);
        users.changePassword(new ChangePasswordCommand(BOB, Optional.empty(), password("set by the administrator"), HOME),
                administrator());
        assertThat(sessions.principalOf(signIn(BOB, "set by the administrator")).name()).isEqualTo("bob");
    }

    @Test
    void nobodyElseChangesAPassword() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.MANAGER);
        Principal bob = sessions.principalOf(signIn(BOB, BOB_PASSWORD));
        assertThatThrownBy(() -> users.changePassword(new ChangePasswordCommand(ROOT,
                Optional.of(Password.offered("p", ROOT_PASSWORD)), password("taken over by bob"), HOME), bob))
                .isInstanceOf(Forbidden.class);
        assertThat(sessions.principalOf(signIn(ROOT, ROOT_PASSWORD)).name()).isEqualTo("root");
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheSignInLimitsOfTheirAddress() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.VIEWER);
        Principal bob = sessions.principalOf(signIn(BOB, BOB_PASSWORD));
        for (int guess = 1; guess <= 5; guess++) {
            assertThatThrownBy(() -> users.changePassword(bobChanges(Optional.of("a wrong guess"), "a brand new password"), bob))
                    .isInstanceOf(ValidationFailed.class);
        }

        assertThatThrownBy(() -> users.changePassword(bobChanges(Optional.of(BOB_PASSWORD), "a brand new password"), bob))
                .as("the right one too, from that address").isInstanceOf(TooManyAttempts.class);
        assertThatThrownBy(() -> signIn(BOB, BOB_PASSWORD)).as("a sign-in from it").isInstanceOf(TooManyAttempts.class);
        assertThat(sessions.principalOf(signIn(BOB, BOB_PASSWORD, "198.51.100.7")).name()).as("from another address")
                .isEqualTo("bob");
    }

    @Test
    void aDeletionEndsTheSessionsTheSessionStoreCouldNotReachWithinTheRevocationLag() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.MANAGER);
        String token = signIn(BOB, BOB_PASSWORD);
        sessions.principalOf(token);

        app.sessionStoreDown.set(true);
        users.delete(BOB);
        app.sessionStoreDown.set(false);

        assertThat(app.sessions.digests()).as("the store still holds the session").hasSize(1);
        app.clock.advance(InMemoryApplication.SIGN_IN.revocationLag().plusMillis(1));
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
        assertThat(app.sessions.digests()).as("and no longer once refused").isEmpty();
    }

    @Test
    void aNewPasswordEndsTheSessionsTheSessionStoreCouldNotReachWithinTheRevocationLag() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.MANAGER);
        String token = signIn(BOB, BOB_PASSWORD);
        Principal root = administrator();

        app.sessionStoreDown.set(true);
        users.changePassword(new ChangePasswordCommand(BOB, Optional.empty(), password("set by the administrator"), HOME),
                root);
        app.sessionStoreDown.set(false);

        app.clock.advance(InMemoryApplication.SIGN_IN.revocationLag().plusMillis(1));
        assertThatThrownBy(() -> sessions.principalOf(token)).isInstanceOf(Unauthenticated.class);
        assertThat(sessions.principalOf(signIn(BOB, "set by the administrator")).name()).as("a session opened after")
                .isEqualTo("bob");
    }

    @Test
    void changingThePasswordOfAnUnknownUserIsNotFoundAndCreatesNoOne() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));

        assertThatThrownBy(() -> users.changePassword(new ChangePasswordCommand(BOB, Optional.empty(),
                password("a password for nobody"), HOME), administrator())).isInstanceOf(NotFound.class).hasMessage("no user bob");
        assertThat(users.list()).extracting(User::username).containsExactly(ROOT);
    }

    @Test
    void aUserIsReadByAnAdministratorOrThemselfAndNobodyElseLearnsWhetherTheNameExists() {
        users.createFirstAdministrator(ROOT, password(ROOT_PASSWORD));
        createBob(Role.VIEWER);
        Principal bob = sessions.principalOf(signIn(BOB, BOB_PASSWORD));
        Principal viewer = Principal.of(new Username("vera"), new Grant(Set.of(Role.VIEWER), Optional.empty()));
        Principal bobsKey = new Principal(Principal.Kind.API_KEY, BOB.value(), Set.of(Role.VIEWER), Optional.empty());

        assertThat(users.get(BOB, administrator()).grant().roles()).containsExactly(Role.VIEWER);
        assertThat(users.get(BOB, bob).username()).isEqualTo(BOB);
        assertThatThrownBy(() -> users.get(BOB, viewer)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> users.get(BOB, bobsKey)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> users.get(new Username("nobody"), viewer)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> users.get(new Username("nobody"), administrator())).isInstanceOf(NotFound.class);
    }
}
