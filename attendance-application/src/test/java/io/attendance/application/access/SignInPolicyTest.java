package io.attendance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.LoginAttempts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    @Test
    void byDefaultASessionIdlesOutAfter8HoursEndsAfter24AndIsRevokedEverywhereWithinASecond() {
        assertThat(SignInPolicy.DEFAULT).isEqualTo(new SignInPolicy(Duration.ofHours(8), Duration.ofHours(24),
                Duration.ofSeconds(1), LoginAttempts.Limits.DEFAULT));
    }

    @Test
    void eachPartCanBeSetApart() {
        LoginAttempts.Limits strict = new LoginAttempts.Limits(3, 10, 50, Duration.ofMinutes(30));

        SignInPolicy policy = SignInPolicy.DEFAULT.withIdle(Duration.ofMinutes(30)).withRevocationLag(Duration.ofMillis(500))
                .withAttempts(strict);

        assertThat(policy).isEqualTo(new SignInPolicy(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMillis(500),
                strict));
    }

    @Test
    void aSessionIdlesAboveZeroAndNoLongerThanItsLifetimeAndARevocationLagIsNotNegative() {
        Duration day = Duration.ofHours(24);
        assertThat(SignInPolicy.DEFAULT.withIdle(day).idle()).isEqualTo(day);
        assertThat(SignInPolicy.DEFAULT.withRevocationLag(Duration.ZERO).revocationLag()).isZero();
        assertThatThrownBy(() -> SignInPolicy.DEFAULT.withIdle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInPolicy.DEFAULT.withIdle(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInPolicy.DEFAULT.withIdle(day.plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInPolicy.DEFAULT.withRevocationLag(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
