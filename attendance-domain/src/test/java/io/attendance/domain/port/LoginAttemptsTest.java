package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.port.LoginAttempts.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    @Test
    void theDefaultLimitsAreFivePerNameFromAnAddressTwentyPerAddressAHundredPerNameIn15Minutes() {
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(5, 20, 100, Duration.ofMinutes(15)));
        assertThat(Limits.DEFAULT.withPerUsername(250)).isEqualTo(new Limits(5, 20, 250, Duration.ofMinutes(15)));
    }

    @Test
    void everyLimitAdmitsAnAttemptWithinAWindowOfAMillisecondAtLeast() {
        Duration window = Duration.ofMinutes(1);
        assertThat(new Limits(1, 1, 1, Duration.ofMillis(1)).window()).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> new Limits(0, 1, 1, window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 0, 1, window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 1, 0, window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 1, 1, Duration.ofNanos(999_999))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 1, 1, null)).isInstanceOf(NullPointerException.class);
    }
}
