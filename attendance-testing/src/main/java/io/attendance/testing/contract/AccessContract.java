package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.NotFound;
import io.attendance.testing.AllAtOnce;
import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.model.CredentialsVersion;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link Users} and {@link ApiKeys} promises, with the
 * {@link Transactions} they share a store with. Run against the in-memory fakes and against the real
 * adapter, so the fakes used by the use-case tests cannot drift from reality.
 */
public abstract class AccessContract {
    /** Microsecond precision: what PostgreSQL keeps of an instant. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-11-28T17:45:10.654321Z");
    private static final Instant LATEST = Instant.parse("2026-11-29T06:00:00.000001Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final PasswordHash OTHER_HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI");
    private static final Grant ADMIN = new Grant(Set.of(Role.ADMIN), Optional.empty());
    /** Every role, and so an employee. */
    private static final Grant EVERYTHING = new Grant(Set.of(Role.values()), Optional.of(new EmployeeId("E-1")));
    private static final Grant DEVICE = new Grant(Set.of(Role.DEVICE), Optional.empty());
    private static final Grant VIEWER = new Grant(Set.of(Role.VIEWER), Optional.empty());
    /** Fewer than the real adapter's pool of 10 connections: each racer holds one. */
    private static final int WRITERS = 8;

    protected Users users;
    protected ApiKeys apiKeys;
    protected Transactions transactions;

    /** The ports over one empty store, sharing its state as in production. */
    public record Ports(Users users, ApiKeys apiKeys, Transactions transactions) {
    }

    /** The ports over a store with no user and no key. */
    protected abstract Ports emptyStore();

    @BeforeEach
    void openEmptyStore() {
        Ports ports = emptyStore();
        users = ports.users();
        apiKeys = ports.apiKeys();
        transactions = ports.transactions();
    }

    // ---------------------------------------------------------------- test data

    private static User user(String name, Grant grant) {
        return User.enabled(new Username(name), HASH, grant, NOW);
    }

    private User stored(User user) {
        users.add(user);
        return user;
    }

    private User storedDisabled(String name) {
        User user = stored(user(name, VIEWER));
        assertThat(users.disable(user.username(), LATER)).isEqualTo(Users.Disabling.DISABLED);
        return users.find(user.username()).orElseThrow();
    }

    private static ApiKey key(String id, String name, Grant grant, User creator, Instant createdAt) {
        return new ApiKey(new ApiKeyId(id), name, grant, creator.username(), createdAt, Optional.empty());
    }

    /** The key stored with a new secret; returns the secret's digest. */
    private String storedKey(ApiKey key) {
        String digest = SecretToken.generate().digest();
        apiKeys.add(key, digest);
        return digest;
    }

    private static ApiKey revoked(ApiKey key, Instant at) {
        return new ApiKey(key.id(), key.name(), key.grant(), key.createdBy(), key.createdAt(), Optional.of(at));
    }

    // ---------------------------------------------------------------- users

    @Test
    void anAddedUserIsFoundExactlyAsStoredRolesAndEmployeeIncluded() {
        User alice = stored(user("alice", EVERYTHING));
        User bob = stored(user("bob", new Grant(Set.of(Role.VIEWER, Role.MANAGER), Optional.empty())));
        User clock = stored(User.enabled(new Username("clock-1"), HASH, DEVICE, Instant.parse("1970-01-01T00:00:00.000001Z")));

        assertThat(users.find(alice.username())).contains(alice);
        assertThat(users.find(alice.username()).orElseThrow().grant().roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(users.find(alice.username()).orElseThrow().grant().employeeId()).contains(new EmployeeId("E-1"));
        assertThat(users.find(bob.username())).contains(bob);
        assertThat(users.find(new Username("BOB"))).as("a name in another case is the same name").contains(bob);
        assertThat(users.find(clock.username())).contains(clock);
        assertThat(users.find(new Username("nobody"))).isEmpty();
    }

    @Test
    void aDisabledUserIsStillFoundWithTheInstantItWasDisabledAndNewCredentials() {
        User alice = stored(user("alice", VIEWER));

        users.disable(alice.username(), LATER);

        assertThat(users.find(alice.username())).hasValueSatisfying(found -> {
            assertThat(found.disabledAt()).contains(LATER);
            assertThat(found.enabled()).isFalse();
            assertThat(found.passwordHash()).isEqualTo(HASH);
            assertThat(found.credentials()).isEqualTo(new CredentialsVersion(1, Optional.of(LATER)));
        });
    }

    @Test
    void addingAUserWhoseNameIsTakenIsAConflictAndKeepsTheFirst() {
        User alice = stored(user("alice", ADMIN));

        assertThatThrownBy(() -> users.add(User.enabled(new Username("Alice"), OTHER_HASH, DEVICE, LATER)))
                .isInstanceOf(Conflict.class);
        assertThat(users.find(alice.username())).contains(alice);
    }

    @Test
    void theNameOfADisabledUserIsNeverReused() {
        User disabled = storedDisabled("alice");

        assertThatThrownBy(() -> users.add(user("alice", DEVICE))).isInstanceOf(Conflict.class);
        assertThat(users.find(disabled.username())).contains(disabled);
    }

    @Test
    void theListShowsEveryUserDisabledOnesIncludedByName() {
        List<String> names = List.of("b", "a_b", "a.b", "a@b", "ab", "a-b", "0", "a9", "zed", "a");
        names.forEach(name -> stored(user(name, ADMIN)));
        storedDisabled("m");

        assertThat(users.list()).extracting(user -> user.username().value())
                .containsExactly("0", "a", "a-b", "a.b", "a9", "a@b", "a_b", "ab", "b", "m", "zed");
        assertThat(users.list().get(9).enabled()).isFalse();
    }

    @Test
    void anyTellsWhetherAnyUserExistsEvenADisabledOne() {
        assertThat(users.any()).isFalse();
        assertThat(users.list()).isEmpty();

        storedDisabled("alice");

        assertThat(users.any()).isTrue();
    }

    @Test
    void disablingIsRefusedForAnUnknownOrAlreadyDisabledUser() {
        User alice = stored(user("alice", VIEWER));

        assertThat(users.disable(alice.username(), LATER)).isEqualTo(Users.Disabling.DISABLED);
        assertThat(users.disable(alice.username(), LATEST)).isEqualTo(Users.Disabling.NO_ENABLED_USER);
        assertThat(users.find(alice.username()).orElseThrow().disabledAt()).as("the first disabling stands").contains(LATER);
        assertThat(users.find(alice.username()).orElseThrow().credentials().number()).isEqualTo(1);
        assertThat(users.disable(new Username("nobody"), LATER)).isEqualTo(Users.Disabling.NO_ENABLED_USER);
        assertThat(users.find(new Username("nobody"))).isEmpty();
    }

    @Test
    void theLastEnabledAdministratorIsNeverDisabled() {
        User alice = stored(user("alice", ADMIN));
        User bob = stored(user("bob", EVERYTHING));
        stored(user("carol", VIEWER));
        storedDisabled("dave");

        assertThat(users.disable(alice.username(), LATER)).isEqualTo(Users.Disabling.DISABLED);
        assertThat(users.disable(bob.username(), LATER)).isEqualTo(Users.Disabling.LAST_ADMINISTRATOR);

        assertThat(users.find(bob.username())).as("left as it was").contains(bob);
        assertThat(users.disable(new Username("carol"), LATER)).isEqualTo(Users.Disabling.DISABLED);
    }

    @Test
    void theEnabledUsersPasswordChangesWithTheirCredentialsAndNothingElse() {
        User alice = stored(user("alice", EVERYTHING));

        assertThat(users.changePassword(alice.username(), OTHER_HASH, LATER)).isTrue();
        assertThat(users.changePassword(alice.username(), HASH, LATEST)).isTrue();

        assertThat(users.find(alice.username())).contains(new User(alice.username(), HASH, EVERYTHING, NOW,
                Optional.empty(), new CredentialsVersion(2, Optional.of(LATEST))));
    }

    @Test
    void aDisabledOrUnknownUsersPasswordCannotChange() {
        User disabled = storedDisabled("alice");

        assertThat(users.changePassword(disabled.username(), OTHER_HASH, LATEST)).isFalse();
        assertThat(users.find(disabled.username())).contains(disabled);
        assertThat(users.changePassword(new Username("nobody"), OTHER_HASH, LATEST)).isFalse();
        assertThat(users.find(new Username("nobody"))).isEmpty();
    }

    @Test
    void theCredentialsChangedSinceAnInstantAreThoseOfUsersDisabledOrGivenAPasswordSinceThen() {
        stored(user("alice", VIEWER));
        stored(user("bob", VIEWER));
        stored(user("carol", VIEWER));
        stored(user("dave", VIEWER));
        users.changePassword(new Username("alice"), OTHER_HASH, LATER);
        users.changePassword(new Username("alice"), HASH, LATEST);
        users.disable(new Username("bob"), LATER);
        users.changePassword(new Username("carol"), OTHER_HASH, NOW);

        assertThat(users.credentialsChangedSince(LATER))
                .isEqualTo(Map.of(new Username("alice"), 2L, new Username("bob"), 1L));
        assertThat(users.credentialsChangedSince(LATEST)).as("from that very instant on")
                .isEqualTo(Map.of(new Username("alice"), 2L));
        assertThat(users.credentialsChangedSince(LATEST.plusNanos(1000))).isEmpty();
    }

    // ---------------------------------------------------------------- API keys

    @Test
    void aKeyIsFoundInForceByTheDigestOfItsSecretExactlyAsStored() {
        User alice = stored(user("alice", ADMIN));
        List<ApiKey> keys = List.of(key("00000000000000a1", "Time clock, hall", DEVICE, alice, NOW),
                key("00000000000000b2", "Payroll's \"sync\"; it's 100%_", EVERYTHING, alice, LATER));
        List<String> digests = keys.stream().map(this::storedKey).toList();

        assertThat(digests).extracting(apiKeys::findInForce).containsExactly(Optional.of(keys.get(0)), Optional.of(keys.get(1)));
        assertThat(apiKeys.findInForce(digests.get(1)).orElseThrow().grant()).isEqualTo(EVERYTHING);
        assertThat(apiKeys.findInForce(SecretToken.generate().digest())).as("an unknown digest").isEmpty();
    }

    @Test
    void aRevokedKeyIsNoLongerInForceAndIsRevokedOnce() {
        User alice = stored(user("alice", ADMIN));
        ApiKey clock = key("00000000000000a1", "Time clock", DEVICE, alice, NOW);
        ApiKey other = key("00000000000000b2", "Other clock", DEVICE, alice, NOW);
        String digest = storedKey(clock);
        String otherDigest = storedKey(other);

        assertThat(apiKeys.revoke(clock.id(), LATER)).isTrue();

        assertThat(apiKeys.findInForce(digest)).isEmpty();
        assertThat(apiKeys.findInForce(otherDigest)).as("only that key").contains(other);
        assertThat(apiKeys.revoke(clock.id(), LATEST)).as("revoking twice").isFalse();
        assertThat(apiKeys.list()).contains(revoked(clock, LATER));
        assertThat(apiKeys.revoke(new ApiKeyId("0123456789abcdef"), LATER)).as("an unknown key").isFalse();
        assertThat(apiKeys.list()).hasSize(2);
    }

    @Test
    void aKeyIsNoLongerInForceOnceItsCreatorIsDisabled() {
        User alice = stored(user("alice", VIEWER));
        User bob = stored(user("bob", ADMIN));
        String alicesKey = storedKey(key("00000000000000a1", "Alice's clock", DEVICE, alice, NOW));
        ApiKey bobs = key("00000000000000b2", "Bob's clock", DEVICE, bob, NOW);
        String bobsKey = storedKey(bobs);

        users.disable(alice.username(), LATER);

        assertThat(apiKeys.findInForce(alicesKey)).isEmpty();
        assertThat(apiKeys.findInForce(bobsKey)).contains(bobs);
        assertThat(apiKeys.list()).extracting(ApiKey::revokedAt).as("the keys themselves are not revoked")
                .containsOnly(Optional.empty());
    }

    @Test
    void theKeyListShowsEveryKeyRevokedOnesIncludedNewestFirst() {
        assertThat(apiKeys.list()).isEmpty();
        User alice = stored(user("alice", ADMIN));
        User bob = stored(user("bob", ADMIN));
        ApiKey oldest = key("ffffffffffffffff", "oldest", DEVICE, alice, NOW);
        ApiKey newest = key("0000000000000001", "newest", DEVICE, bob, LATEST);
        ApiKey middleLow = key("00000000000000a1", "middle, low id", DEVICE, alice, LATER);
        ApiKey middleHigh = key("00000000000000a2", "middle, high id", DEVICE, bob, LATER);
        List.of(middleLow, oldest, newest, middleHigh).forEach(this::storedKey);
        apiKeys.revoke(oldest.id(), LATEST);

        assertThat(apiKeys.list()).containsExactly(newest, middleHigh, middleLow, revoked(oldest, LATEST));
    }

    // ---------------------------------------------------------------- races

    @Test
    void ofConcurrentAddsOfOneNameExactlyOneStoresItsUser() throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, i -> () -> transactions.inTransaction(() -> {
            users.add(User.enabled(new Username("alice"), new PasswordHash("hash " + i), ADMIN, NOW));
            return i;
        }));

        assertThat(outcomes).filteredOn(Integer.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Integer)).hasSize(WRITERS - 1)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Conflict.class));
        int winner = (Integer) outcomes.stream().filter(Integer.class::isInstance).findFirst().orElseThrow();
        assertThat(users.find(new Username("alice")).orElseThrow().passwordHash()).isEqualTo(new PasswordHash("hash " + winner));
    }

    @Test
    void ofConcurrentRevocationsAndDisablingsExactlyOneSucceeds() throws Exception {
        stored(user("root", ADMIN));
        User alice = stored(user("alice", ADMIN));
        ApiKey clock = key("00000000000000a1", "Time clock", DEVICE, alice, NOW);
        storedKey(clock);

        List<Object> revocations = AllAtOnce.outcomes(WRITERS,
                i -> () -> transactions.inTransaction(() -> apiKeys.revoke(clock.id(), LATER.plusSeconds(i))));
        List<Object> disablings = AllAtOnce.outcomes(WRITERS,
                i -> () -> transactions.inTransaction(() -> users.disable(alice.username(), LATER.plusSeconds(i))));

        assertThat(revocations).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(disablings).containsOnly(Users.Disabling.DISABLED, Users.Disabling.NO_ENABLED_USER)
                .filteredOn(Users.Disabling.DISABLED::equals).hasSize(1);
        assertThat(apiKeys.list().get(0).revokedAt()).contains(LATER.plusSeconds(revocations.indexOf(true)));
        User disabled = users.find(alice.username()).orElseThrow();
        assertThat(disabled.disabledAt()).contains(LATER.plusSeconds(disablings.indexOf(Users.Disabling.DISABLED)));
        assertThat(disabled.credentials().number()).as("moved on once").isEqualTo(1);
    }

    @Test
    void ofAdministratorsDisablingEachOtherAtOnceExactlyOneIsDisabled() throws Exception {
        List<Username> administrators = List.of(new Username("alice"), new Username("bob"));
        administrators.forEach(name -> stored(User.enabled(name, HASH, ADMIN, NOW)));

        List<Object> outcomes = AllAtOnce.outcomes(administrators.size(),
                i -> () -> transactions.inTransaction(() -> users.disable(administrators.get(i), LATER)));

        assertThat(outcomes).containsExactlyInAnyOrder(Users.Disabling.DISABLED, Users.Disabling.LAST_ADMINISTRATOR);
        assertThat(users.list()).filteredOn(User::enabledAdministrator).hasSize(1);
    }

    // ---------------------------------------------------------------- units of work

    @Test
    void aFailedUnitOfWorkUndoesEveryChangeToUsersAndKeys() {
        User alice = stored(user("alice", ADMIN));
        ApiKey clock = key("00000000000000a1", "Time clock", DEVICE, alice, NOW);
        String clockDigest = storedKey(clock);
        ApiKey later = key("00000000000000b2", "Later clock", DEVICE, alice, LATER);
        String laterDigest = SecretToken.generate().digest();

        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            users.add(user("bob", ADMIN));
            users.changePassword(alice.username(), OTHER_HASH, LATER);
            users.disable(alice.username(), LATER);
            apiKeys.add(later, laterDigest);
            apiKeys.revoke(clock.id(), LATER);
            assertThat(users.find(new Username("bob"))).as("the unit of work reads its own writes").isPresent();
            throw new NotFound("something later in the same unit of work failed");
        })).isInstanceOf(NotFound.class);

        assertThat(users.list()).containsExactly(alice);
        assertThat(apiKeys.list()).containsExactly(clock);
        assertThat(apiKeys.findInForce(clockDigest)).contains(clock);
        assertThat(apiKeys.findInForce(laterDigest)).isEmpty();
    }

    @Test
    void aUnitOfWorkThatCommitsKeepsEveryChange() {
        transactions.runInTransaction(() -> {
            users.add(user("alice", ADMIN));
            apiKeys.add(key("00000000000000a1", "Time clock", DEVICE, user("alice", ADMIN), NOW), "a".repeat(64));
        });

        assertThat(users.any()).isTrue();
        assertThat(apiKeys.findInForce("a".repeat(64))).isPresent();
    }
}
