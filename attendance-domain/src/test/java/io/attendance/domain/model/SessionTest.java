package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final Grant EMPLOYEE = new Grant(Set.of(Role.EMPLOYEE), Optional.of(new EmployeeId("E-1")));

    @Test
    void aSessionActsAsItsUserWithTheRightsItWasOpenedWith() {
        Session session = new Session(new Username("alice"), EMPLOYEE, START, START.plusSeconds(60), 3);

        assertThat(session.principal()).isEqualTo(Principal.of(new Username("alice"), EMPLOYEE));
        assertThat(session.credentialsVersion()).isEqualTo(3);
    }

    @Test
    void aSessionEndsAfterItStartsUnderACredentialsVersionThatIsNotNegative() {
        assertThatThrownBy(() -> new Session(new Username("alice"), EMPLOYEE, START, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session(new Username("alice"), EMPLOYEE, START, START.plusSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Session(new Username("alice"), EMPLOYEE, START, START.plusNanos(1), 0).expiresAt())
                .isEqualTo(START.plusNanos(1));
    }
}
