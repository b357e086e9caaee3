package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.application.Ports;
import io.attendance.application.UseCaseSettings;
import io.attendance.application.UseCases;
import io.attendance.application.access.CreateUserCommand;
import io.attendance.application.access.SignInPolicy;
import io.attendance.application.reading.CursorCodec;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Users;
import io.attendance.testing.AllAtOnce;
import io.attendance.testing.ForwardingPersistence;
import io.attendance.testing.ForwardingUsers;
import io.attendance.testing.InMemoryLoginAttempts;
import io.attendance.testing.InMemorySessionStore;
import io.attendance.testing.SaltedDigestPasswordHashing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two administrators, each deleting the other at the same moment, on PostgreSQL: both deletions
 * are held until each has got as far as disabling its user, so any check made before that (the
 * administrators counted, the users read) saw both enabled. The store alone can keep one.
 */
class LastAdministratorOnPostgresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");

    @Test
    void twoAdministratorsDeletingEachOtherAtOnceLeaveOneEnabled() throws Exception {
        try (PostgresDatabase database = TestPostgres.freshMigratedDatabase().connect()) {
            CyclicBarrier bothDisabling = new CyclicBarrier(2);
            Users heldAtTheDisabling = new ForwardingUsers(database.users()) {
                @Override
                public Disabling disable(Username username, Instant at) {
                    try {
                        bothDisabling.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("the other deletion never got as far", e);
                    }
                    return super.disable(username, at);
                }
            };
            UseCases useCases = UseCases.assemble(new Ports(new ForwardingPersistence(database) {
                @Override
                public Users users() {
                    return heldAtTheDisabling;
                }
            }, ReadCache.none(), () -> true, new InMemorySessionStore(CLOCK::instant),
                    new InMemoryLoginAttempts(CLOCK::instant), new SaltedDigestPasswordHashing()),
                    new UseCaseSettings(CLOCK, ZoneOffset.UTC, CursorCodec.withRandomSecret(), 0, SignInPolicy.DEFAULT));
            for (Username administrator : List.of(ALICE, BOB)) {
                useCases.users().create(new CreateUserCommand(administrator, Password.chosen("password", "a long password"),
                        new Grant(Set.of(Role.ADMIN), Optional.empty())));
            }

            List<Object> outcomes = AllAtOnce.outcomes(2, i -> () -> {
                useCases.users().delete(i == 0 ? BOB : ALICE);
                return "deleted";
            });

            assertThat(outcomes).filteredOn("deleted"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(Conflict.class::isInstance).singleElement()
                    .satisfies(refused -> assertThat((Conflict) refused).hasMessage("the last administrator cannot be deleted"));
            assertThat(database.users().list()).filteredOn(User::enabledAdministrator).hasSize(1);
        }
    }
}
