package io.attendance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import io.attendance.testing.ForwardingUsers;
import io.attendance.testing.InMemoryPersistence;
import io.attendance.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {
    private static final Username ALICE = new Username("alice");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final Duration LAG = Duration.ofSeconds(1);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryPersistence store = new InMemoryPersistence();
    /** The instants each read of the view asked for changes since. */
    private final List<Instant> reads = new ArrayList<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final RevokedSessions revoked = new RevokedSessions(store.transactions(), readsCounted(store.users()), clock,
            SignInPolicy.DEFAULT.withRevocationLag(LAG));

    RevokedSessionsTest() {
        store.users().add(User.enabled(ALICE, HASH, new Grant(Set.of(Role.VIEWER), Optional.empty()), clock.instant()));
    }

    private Session openedUnder(long credentialsVersion) {
        return new Session(ALICE, new Grant(Set.of(Role.VIEWER), Optional.empty()), clock.instant(),
                clock.instant().plus(Duration.ofHours(24)), credentialsVersion);
    }

    private Users readsCounted(Users users) {
        return new ForwardingUsers(users) {
            @Override
            public Map<Username, Long> credentialsChangedSince(Instant since) {
                reads.add(since);
                if (storeDown.get()) {
                    throw new Unavailable("PostgreSQL is unavailable", new IllegalStateException("down"));
                }
                return super.credentialsChangedSince(since);
            }
        };
    }

    @Test
    void aSessionOpenedUnderTheCurrentCredentialsStandsAndOneOpenedBeforeAChangeDoesNot() {
        store.users().changePassword(ALICE, HASH, clock.instant());

        assertThat(revoked.revoked(openedUnder(1))).isFalse();
        assertThat(revoked.revoked(openedUnder(0))).isTrue();
    }

    @Test
    void theViewIsReadOncePerLagAndAChangeIsSeenOnceItIsOlderThanTheLag() {
        Session session = openedUnder(0);
        assertThat(revoked.revoked(session)).isFalse();
        store.users().disable(ALICE, clock.instant());

        clock.advance(LAG);
        assertThat(revoked.revoked(session)).as("a view read within the lag").isFalse();
        assertThat(reads).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(revoked.revoked(session)).isTrue();
        assertThat(revoked.revoked(session)).isTrue();
        assertThat(reads).hasSize(2);
    }

    @Test
    void theViewReachesBackALifetimeOfSessionsAndAnHourForTheClocks() {
        revoked.revoked(openedUnder(0));

        assertThat(reads).containsExactly(clock.instant().minus(SignInPolicy.DEFAULT.lifetime())
                .minus(RevokedSessions.CLOCK_MARGIN));
    }

    @Test
    void aClockSetBackReadsTheViewAgain() {
        revoked.revoked(openedUnder(0));

        clock.advance(Duration.ofMillis(-1));
        revoked.revoked(openedUnder(0));

        assertThat(reads).hasSize(2);
    }

    @Test
    void aViewThatCannotBeReadFailsTheCheckAndIsNotTriedAgainWithinTheLag() {
        storeDown.set(true);

        assertThatThrownBy(() -> revoked.revoked(openedUnder(0))).isInstanceOf(Unavailable.class);
        storeDown.set(false);
        assertThatThrownBy(() -> revoked.revoked(openedUnder(0))).isInstanceOf(Unavailable.class);
        assertThat(reads).hasSize(1);

        clock.advance(LAG.plusMillis(1));
        assertThat(revoked.revoked(openedUnder(0))).isFalse();
        assertThat(reads).hasSize(2);
    }

    @Test
    void aViewOlderThanTheLagIsNeverUsedWhenItCannotBeReadAgain() {
        store.users().disable(ALICE, clock.instant());
        assertThat(revoked.revoked(openedUnder(1))).isFalse();

        storeDown.set(true);
        clock.advance(LAG.plusMillis(1));

        assertThatThrownBy(() -> revoked.revoked(openedUnder(1))).isInstanceOf(Unavailable.class);
    }
}
