package io.attendance.application.records;

import static io.attendance.application.InMemoryApplication.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication.Invalidation;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write tells the cache of the change only once its unit of work has committed. Told earlier,
 * the generation moves while the old state is still what readers get from the store, and a reader
 * in that window caches it under the new generation: a stale answer until the entry expires.
 */
class CacheInvalidationTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId BOB = new EmployeeId("E-2");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private final InMemoryApplication app = new InMemoryApplication();

    private static Invalidation afterCommit(EmployeeId employeeId) {
        return new Invalidation(employeeId, false);
    }

    /** What {@code write} told the cache. */
    private List<Invalidation> toldTheCacheBy(Runnable write) {
        int before = app.invalidations.size();
        write.run();
        return List.copyOf(app.invalidations.subList(before, app.invalidations.size()));
    }

    private void putPresent(String employeeId) {
        app.recordWrites.put(Commands.putRecord(employeeId, DAY.toString(), "Present", null, null, null),
                Precondition.NONE, ACTOR);
    }

    @Test
    void anEmployeePutTellsTheCacheOnlyAfterItCommitted() {
        assertThat(toldTheCacheBy(() -> app.hire("E-1", "Ada Lovelace", "Ops", null)))
                .containsExactly(afterCommit(ADA));
        assertThat(toldTheCacheBy(() -> app.hire("E-1", "Ada King", "Ops", null)))
                .containsExactly(afterCommit(ADA));
    }

    @Test
    void aDeactivationTellsTheCacheOnlyAfterItCommitted() {
        app.hire("E-1", "Ada Lovelace", "Ops", null);

        assertThat(toldTheCacheBy(() -> app.employeeWrites.deactivate(ADA, Precondition.NONE, ACTOR)))
                .containsExactly(afterCommit(ADA));
    }

    @Test
    void aRecordPutTellsTheCacheOnlyAfterItCommitted() {
        app.hire("E-1", "Ada Lovelace", "Ops", null);

        assertThat(toldTheCacheBy(() -> putPresent("E-1"))).containsExactly(afterCommit(ADA));
    }

    @Test
    void aDeletionTellsTheCacheOnlyAfterItCommitted() {
        app.hire("E-1", "Ada Lovelace", "Ops", null);
        putPresent("E-1");

        assertThat(toldTheCacheBy(() -> app.recordWrites.delete(ADA, DAY, Precondition.NONE, ACTOR)))
                .containsExactly(afterCommit(ADA));
    }

    @Test
    void aBatchTellsTheCacheOfEachEmployeeOnlyAfterItCommitted() {
        app.hire("E-1", "Ada Lovelace", "Ops", null);
        app.hire("E-2", "Bob", "Sales", null);

        assertThat(toldTheCacheBy(() -> app.importBatch.apply(List.of(
                Commands.item("E-1", DAY.toString(), "Present", null, null, null),
                Commands.item("E-2", DAY.toString(), "Present", null, null, null)), ACTOR)))
                .containsExactly(afterCommit(ADA), afterCommit(BOB));
    }

    @Test
    void aV1CreateTellsTheCacheOnlyAfterItCommitted() {
        assertThat(toldTheCacheBy(() -> app.recordAttendance.record(
                Commands.recordAttendance("E-1", "Ada Lovelace", "Present", DAY.toString()), ACTOR)))
                .as("a new employee").containsExactly(afterCommit(ADA));
        assertThat(toldTheCacheBy(() -> app.recordAttendance.record(
                Commands.recordAttendance("E-1", "Ada King", "Absent", "2026-11-26"), ACTOR)))
                .as("a known employee renamed").containsExactly(afterCommit(ADA));
    }
}
