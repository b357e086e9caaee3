package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** What the sessions look like in Redis, and how two instances sharing it see them. */
class RedisSessionStoreTest {
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final Grant EMPLOYEE = new Grant(Set.of(Role.EMPLOYEE, Role.VIEWER), Optional.of(new EmployeeId("E-1")));
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration DAY = Duration.ofDays(1);

    private String url;
    private UnifiedJedis redis;
    private RedisStore first;
    private RedisStore second;

    @BeforeEach
    void twoInstancesOnOneRedis() {
        url = TestRedis.emptyDatabaseUrl();
        redis = TestRedis.client(url);
        first = TestRedis.store(url, Duration.ofSeconds(60), new SimpleMeterRegistry());
        second = TestRedis.store(url, Duration.ofSeconds(60), new SimpleMeterRegistry());
    }

    @AfterEach
    void disconnect() {
        first.close();
        second.close();
        redis.close();
    }

    private static Session session(Username username, Duration lifetime) {
        Instant now = Instant.now();
        return new Session(username, EMPLOYEE, now, now.plus(lifetime), 0);
    }

    @Test
    void aSessionIsAHashUnderItsDigestListedInItsUsersSetAndNothingElseIsWritten() {
        SecretToken token = SecretToken.generate();
        Session session = new Session(ALICE, EMPLOYEE, Instant.parse("2026-11-29T08:30:00.123456789Z"),
                Instant.now().plus(DAY), 3);

        first.sessionStore().open(token.digest(), session, IDLE);

        assertThat(redis.keys("*")).containsExactlyInAnyOrder("att:{att}:session:" + token.digest(), "att:{att}:user-sessions:alice");
        assertThat(redis.hgetAll("att:{att}:session:" + token.digest())).isEqualTo(Map.of(
                "username", "alice",
                "roles", "EMPLOYEE,VIEWER",
                "employeeId", "E-1",
                "createdAt", "2026-11-29T08:30:00.123456789Z",
                "expiresAt", session.expiresAt().toString(),
                "expiresAtMillis", Long.toString(session.expiresAt().toEpochMilli()),
                "credentialsVersion", "3"));
        assertThat(redis.zrange("att:{att}:user-sessions:alice", 0, -1)).containsExactly(token.digest());
        assertThat(redis.keys("*" + token.reveal() + "*")).isEmpty();
        assertThat(redis.pttl("att:{att}:session:" + token.digest())).isBetween(IDLE.toMillis() - 5_000, IDLE.toMillis());
        assertThat(redis.pttl("att:{att}:user-sessions:alice")).isBetween(DAY.toMillis() - 5_000, DAY.toMillis());
    }

    @Test
    void theAbsoluteEndCapsTheIdleTtlAtOpenAndAtEachUse() {
        String digest = SecretToken.generate().digest();
        Session session = session(ALICE, Duration.ofSeconds(20));

        first.sessionStore().open(digest, session, IDLE);
        assertThat(redis.pttl("att:{att}:session:" + digest)).isBetween(15_000L, 20_000L);

        redis.pexpire("att:{att}:session:" + digest, 1_000);
        assertThat(first.sessionStore().use(digest, IDLE, Instant.now())).isPresent();
        assertThat(redis.pttl("att:{att}:session:" + digest)).as("re-armed, up to the absolute end").isBetween(15_000L, 20_000L);

        assertThat(first.sessionStore().use(digest, Duration.ofSeconds(5), Instant.now())).isPresent();
        assertThat(redis.pttl("att:{att}:session:" + digest)).as("re-armed to the idle time").isBetween(4_000L, 5_000L);
    }

    @Test
    void theUsersSetLivesAsLongAsItsLatestSessionAndForgetsSessionsPastTheirEnd() {
        String shortLived = SecretToken.generate().digest();
        String longLived = SecretToken.generate().digest();
        first.sessionStore().open(longLived, session(ALICE, DAY), IDLE);
        first.sessionStore().open(shortLived, session(ALICE, Duration.ofMillis(200)), IDLE);
        assertThat(redis.pttl("att:{att}:user-sessions:alice")).as("not shortened by a shorter session")
                .isGreaterThan(DAY.toMillis() - 5_000);

        Attendances.sleep(Duration.ofMillis(300));
        String next = SecretToken.generate().digest();
        first.sessionStore().open(next, session(ALICE, DAY), IDLE);

        assertThat(redis.zrange("att:{att}:user-sessions:alice", 0, -1)).containsExactlyInAnyOrder(longLived, next);
    }

    @Test
    void aSessionOpenedOnOneInstanceIsUsedOnAnotherAndClosedForItAtOnce() {
        String digest = SecretToken.generate().digest();
        Session session = session(ALICE, DAY);
        first.sessionStore().open(digest, session, IDLE);

        assertThat(second.sessionStore().use(digest, IDLE, Instant.now())).contains(session);

        first.sessionStore().close(digest);

        assertThat(second.sessionStore().use(digest, IDLE, Instant.now())).isEmpty();
        assertThat(redis.keys("*")).as("the user's set holds it no longer").isEmpty();
    }

    @Test
    void closingAllOfAUserOnOneInstanceEndsThemOnAnotherAndLeavesOtherUsers() {
        String one = SecretToken.generate().digest();
        String two = SecretToken.generate().digest();
        String bobs = SecretToken.generate().digest();
        first.sessionStore().open(one, session(ALICE, DAY), IDLE);
        second.sessionStore().open(two, session(ALICE, DAY), IDLE);
        first.sessionStore().open(bobs, session(BOB, DAY), IDLE);

        second.sessionStore().closeAllOf(ALICE);

        assertThat(first.sessionStore().use(one, IDLE, Instant.now())).isEmpty();
        assertThat(first.sessionStore().use(two, IDLE, Instant.now())).isEmpty();
        assertThat(first.sessionStore().use(bobs, IDLE, Instant.now())).isPresent();
        assertThat(new TreeSet<>(redis.keys("*"))).containsExactly("att:{att}:session:" + bobs, "att:{att}:user-sessions:bob");
    }

    @Test
    void closingAllOfAUserWithMoreSessionsThanOneScriptCallEndsEveryOne() {
        List<String> digests = new ArrayList<>();
        for (int i = 0; i <= RedisSessionStore.CLOSE_BATCH; i++) {
            String digest = SecretToken.generate().digest();
            first.sessionStore().open(digest, session(ALICE, DAY), IDLE);
            digests.add(digest);
        }

        second.sessionStore().closeAllOf(ALICE);

        assertThat(first.sessionStore().use(digests.get(0), IDLE, Instant.now())).isEmpty();
        assertThat(first.sessionStore().use(digests.get(digests.size() - 1), IDLE, Instant.now())).isEmpty();
        assertThat(redis.keys("*")).isEmpty();
    }

    @Test
    void aSessionAlreadyOverIsNotKept() {
        String digest = SecretToken.generate().digest();
        Instant past = Instant.now().minusSeconds(60);

        first.sessionStore().open(digest, new Session(ALICE, EMPLOYEE, past.minusSeconds(60), past, 0), IDLE);

        assertThat(redis.keys("*")).isEmpty();
    }

    @Test
    void anUnreadableSessionIsNotOpen() {
        String digest = SecretToken.generate().digest();
        first.sessionStore().open(digest, session(ALICE, DAY), IDLE);

        redis.hset("att:{att}:session:" + digest, "roles", "OWNER");

        assertThat(first.sessionStore().use(digest, IDLE, Instant.now())).isEmpty();
    }

    @Test
    void closingASessionWhoseUsernameIsUnreadableStillEndsIt() {
        String digest = SecretToken.generate().digest();
        first.sessionStore().open(digest, session(ALICE, DAY), IDLE);
        redis.hset("att:{att}:session:" + digest, "username", "not a username!");

        first.sessionStore().close(digest);

        assertThat(redis.exists("att:{att}:session:" + digest)).isFalse();
    }

    @Test
    void aLostScriptCacheIsReloaded() {
        String digest = SecretToken.generate().digest();
        first.sessionStore().open(digest, session(ALICE, DAY), IDLE);

        redis.scriptFlush();

        assertThat(first.sessionStore().use(digest, IDLE, Instant.now())).isPresent();
    }

    @Test
    void aDigestThatIsNoDigestIsRefusedBeforeItReachesAKey() {
        assertThatThrownBy(() -> first.sessionStore().use("*", IDLE, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> first.sessionStore().close("att:{att}:user-sessions:alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
