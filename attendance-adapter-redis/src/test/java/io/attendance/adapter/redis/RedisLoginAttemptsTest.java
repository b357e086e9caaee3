package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts.Tally;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.testing.AllAtOnce;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** What the sign-in counts look like in Redis, and that racing attempts are each counted once. */
class RedisLoginAttemptsTest {
    private static final Username ALICE = new Username("alice");
    private static final Duration WINDOW = Duration.ofMinutes(15);

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
    void countsAreKeysUnderTheNameAndTheAddressThatLiveAsLongAsTheirWindow() {
        attempts.attempt(ALICE, "192.0.2.1", WINDOW);
        attempts.attempt(ALICE, "2001:DB8::1", WINDOW);

        assertThat(redis.keys("*")).containsExactlyInAnyOrder(
                "att:{access}:login:user:alice", "att:{access}:login:addr:192.0.2.1", "att:{access}:login:addr:2001-db8--1");
        assertThat(redis.get("att:{access}:login:user:alice")).isEqualTo("2");
        assertThat(redis.pttl("att:{access}:login:user:alice")).isBetween(WINDOW.toMillis() - 5_000, WINDOW.toMillis());
        assertThat(redis.pttl("att:{access}:login:addr:2001-db8--1")).isBetween(WINDOW.toMillis() - 5_000, WINDOW.toMillis());
    }

    @Test
    void aLaterAttemptLeavesTheWindowWhereTheFirstStartedIt() {
        attempts.attempt(ALICE, "192.0.2.1", WINDOW);
        redis.pexpire("att:{access}:login:user:alice", 60_000);
        redis.pexpire("att:{access}:login:addr:192.0.2.1", 30_000);

        Tally tally = attempts.attempt(ALICE, "192.0.2.1", WINDOW);

        assertThat(tally.usernameWindowLeft()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(tally.addressWindowLeft()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    @Test
    void aCountThatLostItsExpiryGetsAWindowAgain() {
        redis.set("att:{access}:login:user:alice", "7");

        Tally tally = attempts.attempt(ALICE, "192.0.2.1", WINDOW);

        assertThat(tally.ofUsername()).isEqualTo(8);
        assertThat(redis.pttl("att:{access}:login:user:alice")).isPositive();
    }

    @Test
    void anAddressThatIsNoIpAddressIsDigestedSoNoCallerTextReachesAKey() {
        String odd = "fe80::1%eth0\r\n* att:session:x {tag} " + "9".repeat(100);

        attempts.attempt(ALICE, odd, WINDOW);
        attempts.attempt(ALICE, "fe80::1%eth1", WINDOW);

        assertThat(redis.keys("att:{access}:login:addr:*")).hasSize(2).allSatisfy(key -> assertThat(key)
                .matches("att:\\{access}:login:addr:sha256=[A-Za-z0-9_-]{43}"));
    }

    @Test
    void successDeletesTheNameAndNeverLeavesAnAddressCountWithoutAWindow() {
        attempts.attempt(ALICE, "192.0.2.1", WINDOW);

        attempts.succeeded(ALICE, "192.0.2.1");
        attempts.succeeded(ALICE, "192.0.2.1");
        attempts.succeeded(ALICE, "198.51.100.7");

        assertThat(redis.keys("*")).containsExactly("att:{access}:login:addr:192.0.2.1");
        assertThat(redis.get("att:{access}:login:addr:192.0.2.1")).isEqualTo("0");
        assertThat(redis.pttl("att:{access}:login:addr:192.0.2.1")).isPositive();
    }

    @Test
    void fiftyAttemptsAtOnceAreEachCountedExactlyOnce() throws Exception {
        int calls = 50;

        List<Object> outcomes = AllAtOnce.outcomes(calls, i -> () -> attempts.attempt(ALICE, "192.0.2.1", WINDOW));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Tally.class));
        List<Integer> ofName = outcomes.stream().map(outcome -> ((Tally) outcome).ofUsername()).sorted().toList();
        List<Integer> fromAddress = outcomes.stream().map(outcome -> ((Tally) outcome).fromAddress()).sorted().toList();
        List<Integer> oneToFifty = IntStream.rangeClosed(1, calls).boxed().toList();
        assertThat(ofName).isEqualTo(oneToFifty);
        assertThat(fromAddress).isEqualTo(oneToFifty);
    }
}
