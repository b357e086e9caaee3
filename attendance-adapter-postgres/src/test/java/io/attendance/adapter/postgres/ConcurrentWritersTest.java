package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.testing.AllAtOnce;
import io.attendance.testing.AuditHistories;
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
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");

    @Test
    void ofWritersReplacingTheSameVersionOfAnEmployeeExactlyOneWinsAndOnlyItsChangeIsAudited() throws Exception {
        DATABASE.employees().add(ADA);
        CyclicBarrier allHaveRead = new CyclicBarrier(WRITERS);

        List<Object> outcomes = AllAtOnce.outcomes(WRITERS, writer -> () -> DATABASE.transactions().inTransaction(() -> {
            Employee read = DATABASE.employees().find(ADA.id()).orElseThrow();
            Employee mine = read.revised(read.details().renamed("Ada " + writer), TestData.NOW.plusSeconds(writer))
                    .orElseThrow();
            await(allHaveRead);
            boolean won = DATABASE.employees().replace(mine, read.version());
            if (won) {
                DATABASE.auditTrail().append(EmployeeAuditEvent.updated(read, mine, "writer " + writer));
            }
            return won;
        }));

        assertThat(outcomes).containsOnly(true, false).containsOnlyOnce(true);
        Employee stored = DATABASE.employees().find(ADA.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.action()).isEqualTo(AuditAction.UPDATED);
                    assertThat(event.after()).isEqualTo(stored);
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
