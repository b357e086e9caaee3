package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.LoginAttempts.Limits;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** What the sign-in counts look like in Redis (the contract, in RedisAccessContractTest, says how they count). */
class RedisLoginAttemptsTest {
    private static final Username ALICE = new Username("alice");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Limits LIMITS = new Limits(5, 20, 100, WINDOW);

    private UnifiedJedis redis;
    private LoginAttempts attempts;

    @BeforeEach
    void connect() {
        redis = TestRedis.client(TestRedis.emptyDatabaseUrl());
        attempts = new RedisLoginAttempts(() -> redis);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void countsAreKeysUnderTheNameFromTheAddressTheAddressAndTheNameThatLiveAsLongAsTheirWindow() {
        attempts.admit(ALICE, "192.0.2.1", LIMITS);
        attempts.admit(ALICE, "2001:DB8::1", LIMITS);

        assertThat(redis.keys("*")).containsExactlyInAnyOrder(
                "att:{att}:login:user:alice", "att:{att}:login:addr:192.0.2.1", "att:{att}:login:addr:2001-db8--1",
                "att:{att}:login:user-addr:alice/192.0.2.1", "att:{att}:login:user-addr:alice/2001-db8--1");
        assertThat(redis.get("att:{att}:login:user:alice")).isEqualTo("2");
        assertThat(redis.get("att:{att}:login:user-addr:alice/192.0.2.1")).isEqualTo("1");
        for (String key : redis.keys("*")) {
            assertThat(redis.pttl(key)).as(key).isBetween(WINDOW.toMillis() - 5_000, WINDOW.toMillis());
        }
    }

    @Test
    void aLaterAttemptLeavesTheWindowWhereTheFirstStartedIt() {
        attempts.admit(ALICE, "192.0.2.1", LIMITS);
        redis.pexpire("att:{att}:login:user:alice", 60_000);

        attempts.admit(ALICE, "192.0.2.1", LIMITS);

        assertThat(redis.pttl("att:{att}:login:user:alice")).isBetween(55_000L, 60_000L);
    }

    @Test
    void theWaitIsTheLongestWindowLeftOfTheCountsThatRefused() {
        redis.set("att:{att}:login:user-addr:alice/192.0.2.1", "5", SetParams.setParams().px(30_000));
        redis.set("att:{att}:login:addr:192.0.2.1", "20", SetParams.setParams().px(90_000));
        redis.set("att:{att}:login:user:alice", "3", SetParams.setParams().px(600_000));

        assertThat(attempts.admit(ALICE, "192.0.2.1", LIMITS))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90)));
        assertThat(redis.get("att:{att}:login:user:alice")).as("nothing counted").isEqualTo("3");
    }

    @Test
    void aFullCountThatLostItsExpiryGetsAWindowAgainAndRefuses() {
        redis.set("att:{att}:login:user:alice", "100");

        assertThat(attempts.admit(ALICE, "192.0.2.1", LIMITS)).hasValue(WINDOW);
        assertThat(redis.pttl("att:{att}:login:user:alice")).isPositive();
    }

    @Test
    void aCountThatLostItsExpiryGetsAWindowAgainWhenItCounts() {
        redis.set("att:{att}:login:user:alice", "7");

        assertThat(attempts.admit(ALICE, "192.0.2.1", LIMITS)).isEmpty();
        assertThat(redis.get("att:{att}:login:user:alice")).isEqualTo("8");
        assertThat(redis.pttl("att:{att}:login:user:alice")).isPositive();
    }

    @Test
    void anAddressThatIsNoIpAddressIsDigestedSoNoCallerTextReachesAKey() {
        String odd = "fe80::1%eth0\r\n* att:session:x {tag} " + "9".repeat(100);

        attempts.admit(ALICE, odd, LIMITS);
        attempts.admit(ALICE, "fe80::1%eth1", LIMITS);

        assertThat(redis.keys("att:{att}:login:addr:*")).hasSize(2).allSatisfy(key -> assertThat(key)
                .matches("att:\\{att}:login:addr:sha256=[A-Za-z0-9_-]{43}"));
        assertThat(redis.keys("att:{att}:login:user-addr:*")).hasSize(2).allSatisfy(key -> assertThat(key)
                .matches("att:\\{att}:login:user-addr:alice/sha256=[A-Za-z0-9_-]{43}"));
    }

    @Test
    void successDeletesTheNameFromTheAddressAndNeverLeavesACountWithoutAWindow() {
        attempts.admit(ALICE, "192.0.2.1", LIMITS);

        attempts.succeeded(ALICE, "192.0.2.1");
        attempts.succeeded(ALICE, "192.0.2.1");
        attempts.succeeded(ALICE, "198.51.100.7");

        assertThat(redis.keys("*")).containsExactlyInAnyOrder("att:{att}:login:addr:192.0.2.1",
                "att:{att}:login:user:alice");
        assertThat(redis.get("att:{att}:login:addr:192.0.2.1")).isEqualTo("0");
        assertThat(redis.get("att:{att}:login:user:alice")).isEqualTo("0");
        assertThat(redis.pttl("att:{att}:login:addr:192.0.2.1")).isPositive();
        assertThat(redis.pttl("att:{att}:login:user:alice")).isPositive();
    }
}
