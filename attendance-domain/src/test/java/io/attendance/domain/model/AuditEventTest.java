package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final AttendanceRecord CREATED = AttendanceRecord.first(
            new EmployeeId("E-1"), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, NOW);
    private static final AttendanceRecord UPDATED = CREATED.revised(
            DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.API), LATER).orElseThrow();

    private static AuditEvent event(AuditAction action, AttendanceRecord before, AttendanceRecord after) {
        return new AuditEvent(CREATED.employeeId(), CREATED.date(), NOW, "anonymous", action,
                Optional.ofNullable(before), Optional.ofNullable(after));
    }

    @Test
    void aCreationHasOnlyAnAfterTakenWhenTheRecordWasWritten() {
        AuditEvent created = AuditEvent.created(CREATED, "anonymous");

        assertThat(created).isEqualTo(new AuditEvent(CREATED.employeeId(), CREATED.date(), NOW, "anonymous",
                AuditAction.CREATED, Optional.empty(), Optional.of(CREATED)));
    }

    @Test
    void anUpdateHasBothSidesAndTheTimeOfTheNewVersion() {
        AuditEvent updated = AuditEvent.updated(CREATED, UPDATED, "hr");

        assertThat(updated.action()).isEqualTo(AuditAction.UPDATED);
        assertThat(updated.before()).contains(CREATED);
        assertThat(updated.after()).contains(UPDATED);
        assertThat(updated.at()).isEqualTo(LATER);
        assertThat(updated.actor()).isEqualTo("hr");
    }

    @Test
    void aDeletionHasOnlyABeforeAndTheTimeOfTheDeletion() {
        Instant deletedAt = LATER.plusSeconds(60);
        AuditEvent deleted = AuditEvent.deleted(UPDATED, deletedAt, "anonymous");

        assertThat(deleted.action()).isEqualTo(AuditAction.DELETED);
        assertThat(deleted.before()).contains(UPDATED);
        assertThat(deleted.after()).isEmpty();
        assertThat(deleted.at()).isEqualTo(deletedAt);
        assertThat(deleted.employeeId()).isEqualTo(UPDATED.employeeId());
        assertThat(deleted.date()).isEqualTo(UPDATED.date());
    }

    @Test
    void anEventWhoseSidesContradictItsActionIsRefused() {
        assertThatThrownBy(() -> event(AuditAction.CREATED, CREATED, UPDATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(AuditAction.CREATED, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(AuditAction.UPDATED, null, UPDATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(AuditAction.UPDATED, CREATED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(AuditAction.DELETED, CREATED, UPDATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(AuditAction.DELETED, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventNamesAnActor() {
        assertThatThrownBy(() -> AuditEvent.created(CREATED, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.created(CREATED, null)).isInstanceOf(NullPointerException.class);
    }
}
