package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AuditHistories;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the persistence contract leaves to the audit adapter: no foreign key, snapshots of the event's record only. */
class PostgresAuditTrailTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    @Test
    void anEventNeedsNeitherTheRecordNorTheEmployeeToExist() {
        AttendanceRecord gone = TestData.record(ADA, DAY, AttendanceStatus.PRESENT);
        AuditEvent deleted = AuditEvent.deleted(gone, TestData.NOW, "anonymous");

        DATABASE.auditTrail().append(deleted);

        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).containsExactly(deleted);
    }

    @Test
    void anEventWhoseSnapshotIsOfAnotherRecordIsRefused() {
        AttendanceRecord today = TestData.record(ADA, DAY, AttendanceStatus.PRESENT);
        AttendanceRecord tomorrow = TestData.record(ADA, WorkDate.of(2026, 11, 28), AttendanceStatus.PRESENT)
                .revised(DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.API), TestData.NOW).orElseThrow();
        AuditEvent mixed = new AuditEvent(ADA.id(), DAY, TestData.NOW, "anonymous", AuditAction.UPDATED,
                Optional.of(today), Optional.of(tomorrow));

        assertThatThrownBy(() -> DATABASE.auditTrail().append(mixed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).isEmpty();
    }
}
