package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AllAtOnce;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writers racing on PostgreSQL, each in a unit of work of its own on its own connection: beyond the
 * contract's races, a read-modify-write where all have read the stored version before any writes,
 * and concurrent creations of one employee. Exactly one wins.
 */
class ConcurrentWritersTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    /** Fewer than the pool's 10 connections: every writer holds one for the whole race. */
    private static final int WRITERS = 8;
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");

    @Test
    void ofWritersReplacingTheSameVersionOfARecordExactlyOneWinsAndOnlyItsChangeIsAudited() throws Exception {
        DATABASE.employees().add(ADA);
        DATABASE.attendanceRecords().add(TestData.record(ADA, DAY, AttendanceStatus.PRESENT));
        CyclicBarrier allHaveRead = new CyclicBarrier(WRITERS);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> DATABASE.transactions().inTransaction(() -> {
            AttendanceRecord read = DATABASE.attendanceRecords().find(ADA.id(), DAY).orElseThrow();
            AttendanceRecord mine = read.revised(DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                    .note("writer " + writer)
                    .build(),
                    TestData.NOW.plusSeconds(writer)).orElseThrow();
            await(allHaveRead);
            boolean won = DATABASE.attendanceRecords().replace(mine, read.version());
            if (won) {
                DATABASE.auditTrail().append(AuditEvent.updated(read, mine, "writer " + writer));
            }
            return won;
        }));

        assertThat(outcomes).containsOnly(true, false).containsOnlyOnce(true);
        AttendanceRecord stored = DATABASE.attendanceRecords().find(ADA.id(), DAY).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(DATABASE.auditTrail().history(ADA.id(), DAY))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.action()).isEqualTo(AuditAction.UPDATED);
                    assertThat(event.after()).contains(stored);
                    assertThat(event.actor()).isEqualTo("writer " + outcomes.indexOf(true));
                });
    }

    @Test
    void ofWritersCreatingTheSameEmployeeExactlyOneSucceedsAndTheOthersConflict() throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> DATABASE.transactions().inTransaction(() -> {
            DATABASE.employees().add(TestData.employee("E-1", "Ada " + writer));
            return "created";
        }));

        assertThat(outcomes).containsOnlyOnce("created");
        assertThat(outcomes).filteredOn(outcome -> !"created".equals(outcome)).allMatch(Conflict.class::isInstance);
        assertThat(DATABASE.employees().find(ADA.id())).map(Employee::name)
                .contains("Ada " + outcomes.indexOf("created"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the writers never all met", e);
        }
    }
}
