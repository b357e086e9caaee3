package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts.Tally;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginAttempts} promises; run against the in-memory fake (on a clock the test
 * moves) and the Redis counters (on real time).
 */
public abstract class LoginAttemptsContract {
    protected static final Duration WINDOW = Duration.ofMillis(400);
    private static final Duration LONG = Duration.ofMinutes(15);
    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final String HOME = "192.0.2.1";
    private static final String OFFICE = "2001:db8::17";

    protected LoginAttempts attempts;

    /** Counters at zero; each call may share the backing server with the previous one. */
    protected abstract LoginAttempts emptyAttempts();

    /** Lets {@code time} pass for the counters. */
    protected abstract void pass(Duration time);

    @BeforeEach
    void startFromZero() {
        attempts = emptyAttempts();
    }

    @Test
    void theFirstAttemptCountsOneForEachAndStartsTheirWindows() {
        Tally tally = attempts.attempt(ALICE, HOME, LONG);

        assertThat(tally.ofUsername()).isEqualTo(1);
        assertThat(tally.fromAddress()).isEqualTo(1);
        assertThat(tally.usernameWindowLeft()).isPositive().isLessThanOrEqualTo(LONG);
        assertThat(tally.addressWindowLeft()).isPositive().isLessThanOrEqualTo(LONG);
    }

    @Test
    void namesAndAddressesAreCountedApart() {
        attempts.attempt(ALICE, HOME, LONG);
        attempts.attempt(ALICE, OFFICE, LONG);
        attempts.attempt(BOB, OFFICE, LONG);

        Tally tally = attempts.attempt(ALICE, OFFICE, LONG);

        assertThat(tally.ofUsername()).isEqualTo(3);
        assertThat(tally.fromAddress()).isEqualTo(3);
        assertThat(attempts.attempt(BOB, HOME, LONG)).extracting(Tally::ofUsername, Tally::fromAddress)
                .containsExactly(2, 2);
    }

    @Test
    void laterAttemptsDoNotMoveTheWindowOn() {
        attempts.attempt(ALICE, HOME, WINDOW);
        pass(WINDOW.dividedBy(2));

        Tally tally = attempts.attempt(ALICE, HOME, WINDOW);

        assertThat(tally.ofUsername()).isEqualTo(2);
        assertThat(tally.usernameWindowLeft()).isLessThanOrEqualTo(WINDOW.dividedBy(2));
        assertThat(tally.addressWindowLeft()).isLessThanOrEqualTo(WINDOW.dividedBy(2));
    }

    @Test
    void countsAreForgottenWhenTheWindowEnds() {
        attempts.attempt(ALICE, HOME, WINDOW);
        attempts.attempt(ALICE, HOME, WINDOW);

        pass(WINDOW.multipliedBy(2));

        Tally tally = attempts.attempt(ALICE, HOME, WINDOW);
        assertThat(tally.ofUsername()).isEqualTo(1);
        assertThat(tally.fromAddress()).isEqualTo(1);
        assertThat(tally.usernameWindowLeft()).isGreaterThan(WINDOW.dividedBy(2));
    }

    @Test
    void successStartsTheNameAfreshAndTakesOneOffTheAddress() {
        attempts.attempt(ALICE, HOME, LONG);
        attempts.attempt(ALICE, HOME, LONG);
        attempts.attempt(BOB, HOME, LONG);

        attempts.succeeded(ALICE, HOME);

        Tally tally = attempts.attempt(ALICE, HOME, LONG);
        assertThat(tally.ofUsername()).isEqualTo(1);
        assertThat(tally.fromAddress()).isEqualTo(3);
        assertThat(attempts.attempt(BOB, OFFICE, LONG).ofUsername()).as("another name keeps its count").isEqualTo(2);
    }

    @Test
    void successNeverTakesAnAddressBelowZero() {
        attempts.attempt(ALICE, HOME, LONG);
        attempts.succeeded(ALICE, HOME);
        attempts.succeeded(ALICE, HOME);
        attempts.succeeded(BOB, OFFICE);

        assertThat(attempts.attempt(ALICE, HOME, LONG).fromAddress()).isEqualTo(1);
        assertThat(attempts.attempt(BOB, OFFICE, LONG).fromAddress()).isEqualTo(1);
    }
}
