package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsVersionTest {
    private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void eachChangeIsTheNextNumberAtItsInstant() {
        CredentialsVersion second = CredentialsVersion.FIRST.next(AT).next(AT.plusSeconds(5));

        assertThat(second).isEqualTo(new CredentialsVersion(2, Optional.of(AT.plusSeconds(5))));
    }

    @Test
    void aVersionHasChangedExactlyWhenItIsAboveZeroAndIsNeverNegative() {
        assertThatThrownBy(() -> new CredentialsVersion(0, Optional.of(AT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialsVersion(1, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialsVersion(-1, Optional.of(AT))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not negative");
        assertThat(new CredentialsVersion(0, Optional.empty())).isEqualTo(CredentialsVersion.FIRST);
    }
}
