package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmployeeAuditEventTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final Employee ADA = Employee.first(new EmployeeId("E-1"), EmployeeDetails.named("Ada", ZoneId.of("UTC")), NOW);
    private static final Employee RENAMED = ADA.revised(EmployeeDetails.named("Ada Lovelace", ZoneId.of("UTC")), LATER)
            .orElseThrow();
    private static final Employee BOB = Employee.first(new EmployeeId("E-2"), EmployeeDetails.named("Bob", ZoneId.of("UTC")), NOW);

    @Test
    void aCreationHasOnlyTheEmployeeAsCreated() {
        EmployeeAuditEvent created = EmployeeAuditEvent.created(ADA, "user:hr");

        assertThat(created).isEqualTo(new EmployeeAuditEvent("user:hr", AuditAction.CREATED, Optional.empty(), ADA));
        assertThat(created.employeeId()).isEqualTo(ADA.id());
        assertThat(created.at()).isEqualTo(NOW);
    }

    @Test
    void anUpdateHasBothVersionsAndTheTimeOfTheNewOne() {
        EmployeeAuditEvent updated = EmployeeAuditEvent.updated(ADA, RENAMED, "api-key:0123456789abcdef");

        assertThat(updated.action()).isEqualTo(AuditAction.UPDATED);
        assertThat(updated.before()).contains(ADA);
        assertThat(updated.after()).isEqualTo(RENAMED);
        assertThat(updated.employeeId()).isEqualTo(ADA.id());
        assertThat(updated.at()).isEqualTo(LATER);
        assertThat(updated.actor()).isEqualTo("api-key:0123456789abcdef");
    }

    @Test
    void anEventThatContradictsItsActionIsRefused() {
        assertThatThrownBy(() -> new EmployeeAuditEvent("user:hr", AuditAction.CREATED, Optional.of(ADA), RENAMED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("CREATED employee event with before=true");
        assertThatThrownBy(() -> new EmployeeAuditEvent("user:hr", AuditAction.UPDATED, Optional.empty(), RENAMED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmployeeAuditEvent.updated(BOB, RENAMED, "user:hr")).as("another employee's versions")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmployeeAuditEvent("user:hr", AuditAction.DELETED, Optional.of(ADA), ADA))
                .as("employees are never deleted").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventNamesWhoMadeTheChange() {
        assertThatThrownBy(() -> EmployeeAuditEvent.created(ADA, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audit event needs an actor");
        assertThatThrownBy(() -> EmployeeAuditEvent.created(ADA, null)).isInstanceOf(NullPointerException.class);
    }
}
