package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.port.SessionStore;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} promises; run against the in-memory fake (on a clock the test moves)
 * and the Redis store (on real time, so the idle times here are short but not tight).
 */
public abstract class SessionStoreContract {
    /** Short enough for a test on real time, long enough that a busy machine still uses a session in time. */
    protected static final Duration IDLE = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofHours(1);
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    protected SessionStore store;

    /** A store with no sessions; each call may share the backing server with the previous one. */
    protected abstract SessionStore emptyStore();

    /** The time the store measures against. */
    protected abstract Instant now();

    /** Lets {@code time} pass for the store. */
    protected abstract void pass(Duration time);

    @BeforeEach
    void openEmptyStore() {
        store = emptyStore();
    }

    private Session sessionOf(Username username, Grant grant, Duration lifetime) {
        Instant createdAt = now();
        return new Session(username, grant, createdAt, createdAt.plus(lifetime), 0);
    }

    private Session sessionOf(Username username) {
        return sessionOf(username, new Grant(Set.of(Role.VIEWER), Optional.empty()), LONG);
    }

    private static String digest() {
        return SecretToken.generate().digest();
    }

    @Test
    void anOpenSessionIsUsedWithEveryPartAsItWasOpened() {
        String withEmployee = digest();
        String withoutEmployee = digest();
        Instant createdAt = Instant.parse("2026-11-29T08:30:00.123456789Z");
        Session employee = new Session(ALICE, new Grant(Set.of(Role.EMPLOYEE, Role.DEVICE),
                Optional.of(new EmployeeId("E-1"))), createdAt, now().plus(LONG).plusNanos(1), 0);
        Session admin = new Session(BOB, new Grant(Set.of(Role.ADMIN), Optional.empty()), createdAt,
                now().plus(LONG), 7);

        store.open(withEmployee, employee, LONG);
        store.open(withoutEmployee, admin, LONG);

        assertThat(store.use(withEmployee, LONG, now())).contains(employee);
        assertThat(store.use(withoutEmployee, LONG, now())).contains(admin);
    }

    @Test
    void aTokenNeverOpenedHasNoSession() {
        store.open(digest(), sessionOf(ALICE), LONG);

        assertThat(store.use(digest(), LONG, now())).isEmpty();
    }

    @Test
    void aSessionLapsesAfterItsIdleTimeWithoutUse() {
        String token = digest();
        store.open(token, sessionOf(ALICE), IDLE);

        pass(IDLE.multipliedBy(2));

        assertThat(store.use(token, IDLE, now())).isEmpty();
    }

    @Test
    void eachUseKeepsASessionOpenForAnotherIdleTime() {
        String token = digest();
        store.open(token, sessionOf(ALICE), IDLE);

        for (int i = 0; i < 6; i++) {
            pass(IDLE.dividedBy(3));
            assertThat(store.use(token, IDLE, now())).as("use %d, %s after the last", i, IDLE.dividedBy(3)).isPresent();
        }

        pass(IDLE.multipliedBy(2));
        assertThat(store.use(token, IDLE, now())).as("once uses stop").isEmpty();
    }

    @Test
    void noUseKeepsASessionOpenPastItsAbsoluteEnd() {
        String token = digest();
        Session shortLived = sessionOf(ALICE, new Grant(Set.of(Role.VIEWER), Optional.empty()), IDLE);
        store.open(token, shortLived, LONG);
        assertThat(store.use(token, LONG, now())).isPresent();

        pass(IDLE.multipliedBy(2));

        assertThat(store.use(token, LONG, now())).isEmpty();
    }

    @Test
    void aUseAtOrAfterTheAbsoluteEndFindsNoSession() {
        String token = digest();
        Session session = sessionOf(ALICE);
        store.open(token, session, LONG);

        assertThat(store.use(token, LONG, session.expiresAt())).isEmpty();
        assertThat(store.use(token, LONG, session.expiresAt().plusSeconds(1))).isEmpty();
    }

    @Test
    void aClosedSessionIsGoneAndClosingAgainDoesNothing() {
        String token = digest();
        String other = digest();
        store.open(token, sessionOf(ALICE), LONG);
        store.open(other, sessionOf(ALICE), LONG);

        store.close(token);
        store.close(token);
        store.close(digest());

        assertThat(store.use(token, LONG, now())).isEmpty();
        assertThat(store.use(other, LONG, now())).as("the user's other session").isPresent();
    }

    @Test
    void closingAllOfAUserEndsEachOfTheirSessionsAndNoOneElses() {
        String first = digest();
        String second = digest();
        String bobs = digest();
        store.open(first, sessionOf(ALICE), LONG);
        store.open(second, sessionOf(ALICE), LONG);
        store.open(bobs, sessionOf(BOB), LONG);

        store.closeAllOf(ALICE);

        assertThat(store.use(first, LONG, now())).isEmpty();
        assertThat(store.use(second, LONG, now())).isEmpty();
        assertThat(store.use(bobs, LONG, now())).isPresent();
    }

    @Test
    void closingAllOfAUserWithoutSessionsDoesNothing() {
        String bobs = digest();
        store.open(bobs, sessionOf(BOB), LONG);

        store.closeAllOf(ALICE);

        assertThat(store.use(bobs, LONG, now())).isPresent();
    }

    @Test
    void aUserSignedInAgainAfterClosingAllHasTheNewSession() {
        store.open(digest(), sessionOf(ALICE), LONG);
        store.closeAllOf(ALICE);
        String again = digest();

        store.open(again, sessionOf(ALICE), LONG);

        assertThat(store.use(again, LONG, now())).isPresent();
    }
}
