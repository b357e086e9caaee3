package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Username;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.LoginAttempts.Limits;
import io.attendance.testing.AllAtOnce;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginAttempts} promises; run against the in-memory fake (on a clock the test
 * moves) and the Redis counters (on real time).
 */
public abstract class LoginAttemptsContract {
    protected static final Duration WINDOW = Duration.ofMillis(400);
    private static final Duration LONG = Duration.ofMinutes(15);
    /** Small limits, each its own number, so that a test can tell which one refused. */
    private static final Limits LIMITS = new Limits(3, 5, 7, LONG);
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
    void attemptsAreAdmittedUntilTheNameFromOneAddressHasUsedItsLimit() {
        admitted(ALICE, HOME, 3);

        Optional<Duration> refused = attempts.admit(ALICE, HOME, LIMITS);

        assertThat(refused).as("the wait until the window ends").hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(LONG));
    }

    @Test
    void wrongGuessesFromOneAddressNeverStopTheNameFromAnother() {
        admitted(ALICE, HOME, 3);
        assertThat(attempts.admit(ALICE, HOME, LIMITS)).isPresent();

        assertThat(attempts.admit(ALICE, OFFICE, LIMITS)).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAtItsLimitForEveryName() {
        for (int name = 0; name < 5; name++) {
            admitted(new Username("user" + name), HOME, 1);
        }

        assertThat(attempts.admit(new Username("another"), HOME, LIMITS)).isPresent();
        assertThat(attempts.admit(new Username("another"), OFFICE, LIMITS)).as("from another address").isEmpty();
    }

    @Test
    void manyAddressesGuessingOneNameMeetItsCeiling() {
        for (int address = 1; address <= 7; address++) {
            admitted(ALICE, "198.51.100." + address, 1);
        }

        assertThat(attempts.admit(ALICE, "198.51.100.8", LIMITS)).isPresent();
        assertThat(attempts.admit(BOB, "198.51.100.8", LIMITS)).as("another name").isEmpty();
    }

    @Test
    void aRefusedAttemptCountsTowardNothing() {
        admitted(ALICE, HOME, 3);
        for (int refused = 0; refused < 10; refused++) {
            assertThat(attempts.admit(ALICE, HOME, LIMITS)).isPresent();
        }

        // the address has counted 3, not 13: two more names fit its limit of 5
        admitted(BOB, HOME, 2);
        assertThat(attempts.admit(new Username("carol"), HOME, LIMITS)).isPresent();
        // the name has counted 3, not 13: four more attempts fit its ceiling of 7
        admitted(ALICE, OFFICE, 3);
        admitted(ALICE, "198.51.100.1", 1);
        assertThat(attempts.admit(ALICE, "198.51.100.2", LIMITS)).isPresent();
    }

    @Test
    void theWaitIsWhatIsLeftOfTheWindowOfTheCountThatRefused() {
        Limits shortWindow = new Limits(1, 5, 7, WINDOW);
        assertThat(attempts.admit(ALICE, HOME, shortWindow)).isEmpty();
        pass(WINDOW.dividedBy(2));

        assertThat(attempts.admit(ALICE, HOME, shortWindow)).hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(WINDOW.dividedBy(2)));
    }

    @Test
    void countsAreForgottenWhenTheWindowEnds() {
        Limits shortWindow = new Limits(1, 5, 7, WINDOW);
        assertThat(attempts.admit(ALICE, HOME, shortWindow)).isEmpty();
        assertThat(attempts.admit(ALICE, HOME, shortWindow)).isPresent();

        pass(WINDOW.multipliedBy(2));

        assertThat(attempts.admit(ALICE, HOME, shortWindow)).isEmpty();
    }

    @Test
    void successStartsTheNameAfreshFromThatAddressAndGivesItsAttemptBack() {
        admitted(ALICE, HOME, 3);

        attempts.succeeded(ALICE, HOME);

        // the name from HOME starts afresh; HOME and the name hold 2 each, the success given back
        admitted(ALICE, HOME, 3);
        assertThat(attempts.admit(BOB, HOME, LIMITS)).as("HOME at its limit of 5").isPresent();
        admitted(ALICE, OFFICE, 2);
        assertThat(attempts.admit(ALICE, "198.51.100.1", LIMITS)).as("the name at its ceiling of 7").isPresent();
    }

    @Test
    void successNeverTakesACountBelowZeroNorMakesOne() {
        attempts.succeeded(ALICE, HOME);
        attempts.succeeded(ALICE, HOME);

        for (int name = 0; name < 5; name++) {
            admitted(new Username("user" + name), HOME, 1);
        }
        assertThat(attempts.admit(new Username("another"), HOME, LIMITS)).as("HOME at its limit of 5").isPresent();
    }

    @Test
    void ofConcurrentAttemptsExactlyTheLimitIsAdmitted() throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(12, i -> () -> attempts.admit(ALICE, HOME, LIMITS));

        assertThat(outcomes).filteredOn(Optional.empty()::equals).hasSize(3);
    }

    /** Admits {@code times} attempts of the name from the address, each of which must be admitted. */
    private void admitted(Username username, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(attempts.admit(username, address, LIMITS)).as("attempt %d of %s from %s", i + 1, username, address)
                    .isEmpty();
        }
    }
}
