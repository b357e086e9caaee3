package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.RecordSeeding;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the contract cannot see: how units of work map to PostgreSQL transactions. */
class PostgresUnitsOfWorkTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final Employee BOB = TestData.employee("B-2", "Bob");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    @Test
    void everyCallOfAUnitOfWorkRunsInOneTransactionAndOutsideEachCallHasItsOwn() {
        long[] inside = DATABASE.transactions().inTransaction(() -> new long[] {currentTransaction(), currentTransaction()});
        long firstOutside = currentTransaction();
        long secondOutside = currentTransaction();

        assertThat(inside[0]).isEqualTo(inside[1]);
        assertThat(firstOutside).isNotEqualTo(secondOutside).isNotEqualTo(inside[0]);
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> DATABASE.transactions().runInTransaction(() -> {
            DATABASE.transactions().runInTransaction(() -> DATABASE.employees().add(ADA));
            assertThat(DATABASE.employees().find(ADA.id())).contains(ADA);
            throw new PreconditionFailed("the outer work fails after the nested one returned");
        })).isInstanceOf(PreconditionFailed.class);

        assertThat(DATABASE.employees().find(ADA.id())).isEmpty();
    }

    @Test
    void aConflictCaughtInsideAUnitOfWorkLeavesTheRestOfItUsable() {
        DATABASE.employees().add(ADA);

        DATABASE.transactions().runInTransaction(() -> {
            assertThatThrownBy(() -> DATABASE.employees().add(ADA.revised(ADA.details().renamed("Ada King"),
                    Instant.parse("2026-11-27T09:00:00Z")).orElseThrow()))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("E-1");
            DATABASE.employees().add(BOB);
        });

        assertThat(DATABASE.employees().find(BOB.id())).contains(BOB);
        assertThat(DATABASE.employees().find(ADA.id())).contains(ADA);
    }

    @Test
    void anAuditEventCommitsAndRollsBackWithTheChangeItDescribes() {
        DATABASE.employees().add(ADA);
        AttendanceRecord created = RecordSeeding.written(DATABASE.database().dayChanges(),
                recordOf(ADA, AttendanceStatus.PRESENT));
        AuditEvent creation = AuditEvent.created(created, RecordSeeding.ACTOR);
        AuditEvent deletion = AuditEvent.deleted(created, Instant.parse("2026-11-27T09:00:00Z"), "anonymous");

        assertThatThrownBy(() -> DATABASE.transactions().runInTransaction(() -> {
            DATABASE.attendanceRecords().remove(ADA.id(), DAY, 1);
            DATABASE.auditTrail().append(deletion);
            throw new PreconditionFailed("the change fails after its event was appended");
        })).isInstanceOf(PreconditionFailed.class);

        assertThat(DATABASE.attendanceRecords().find(ADA.id(), DAY)).contains(created);
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).containsExactly(creation);

        DATABASE.transactions().runInTransaction(() -> {
            DATABASE.attendanceRecords().remove(ADA.id(), DAY, 1);
            DATABASE.auditTrail().append(deletion);
        });

        assertThat(DATABASE.attendanceRecords().find(ADA.id(), DAY)).isEmpty();
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).containsExactly(creation, deletion);
    }

    private static AttendanceRecord recordOf(Employee employee, AttendanceStatus status) {
        return AttendanceRecord.first(employee.id(), DAY, status, Instant.parse("2026-11-27T08:00:00Z"));
    }

    private static long currentTransaction() {
        return DATABASE.transactions().withHandle(handle -> handle.createQuery("SELECT txid_current()").mapTo(Long.class).one());
    }
}
