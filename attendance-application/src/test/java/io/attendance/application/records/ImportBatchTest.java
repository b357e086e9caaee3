package io.attendance.application.records;

import static io.attendance.application.Commands.item;
import static io.attendance.application.InMemoryApplication.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.DayChanges;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.InMemoryDayChanges;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportBatchTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId BOB = new EmployeeId("E-2");

    private final InMemoryApplication app = InMemoryApplication.staffed(new InMemoryApplication());
    private final LosingDayChanges losing = new LosingDayChanges(app.store.dayChanges());

    private void put(PutRecordCommand command) {
        app.recordWrites.put(command, Precondition.NONE, ACTOR);
    }

    private static List<String> fields(ValidationFailed refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aBatchAppliesEveryItemAndCountsWhatItDid() {
        put(Commands.status("E-1", "2026-11-20", "Present"));
        put(Commands.status("E-1", "2026-11-21", "Absent"));

        ImportBatch.Outcome outcome = app.importBatch.apply(List.of(
                item("E-1", "2026-11-20", "present", null, null, null),
                item("E-1", "2026-11-21", "Present", "2026-11-21T08:00:00+01:00", null, "late"),
                item("E-1", "2026-11-22", "Work From Home", null, null, null),
                item("E-2", "2026-11-22", "HOLIDAY", null, null, null)), "payroll");

        assertThat(outcome).isEqualTo(new ImportBatch.Outcome(2, 1, 1));
        assertThat(app.recordReads.get(ADA, WorkDate.of(2026, 11, 20)).version()).isEqualTo(1);
        AttendanceRecord updated = app.recordReads.get(ADA, WorkDate.of(2026, 11, 21));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.entry().source()).isEqualTo(RecordSource.BATCH);
        assertThat(app.recordReads.get(BOB, WorkDate.of(2026, 11, 22)).entry())
                .isEqualTo(DayEntry.statusOnly(AttendanceStatus.HOLIDAY, RecordSource.BATCH));
        assertThat(AuditHistories.of(app.audit, ADA, WorkDate.of(2026, 11, 21))).extracting(AuditEvent::actor)
                .containsExactly(ACTOR, "payroll");
        assertThat(app.auditActions(ADA, WorkDate.of(2026, 11, 20))).containsExactly(AuditAction.CREATED);
        assertThat(app.auditActions(BOB, WorkDate.of(2026, 11, 22))).containsExactly(AuditAction.CREATED);
    }

    @Test
    void aBatchWithAnyInvalidItemAppliesNothingAndListsEveryErrorByIndexWithThoseItsReaderFound() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> app.importBatch.apply(List.of(
                item("E-9", "2026-11-20", "Present", null, null, null),
                item("E-1", "2026-11-20", "Present", null, null, null),
                item("E-1", "2026-11-21", "Present", null, null, null),
                Commands.unreadable("[3].status", "must be one of ...", "[3].note", "must be at most 500 characters"),
                item("E-1", "2026-11-20", "Absent", null, null, null),
                Commands.unreadable("[5].date", "must be a calendar date written YYYY-MM-DD"),
                Commands.unreadable("[6].checkIn", "is not allowed when the status is Absent"),
                item("E-1", "2026-11-24", "Present", "2026-11-24T23:30:00Z", null, null),
                item("E-1", "2027-11-29", "Present", null, null, null),
                Commands.unreadable("[9].employeeId", "may contain only ...", "[9].checkIn", "must be ...")), ACTOR));

        assertThat(fields(refused)).containsExactly("[0].employeeId", "[3].status", "[3].note", "[4].date", "[5].date",
                "[6].checkIn", "[7].checkIn", "[8].date", "[9].employeeId", "[9].checkIn");
        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 20))).isEmpty();
        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 21))).isEmpty();
        assertThat(AuditHistories.of(app.audit, ADA, WorkDate.of(2026, 11, 21))).isEmpty();
    }

    @Test
    void aBatchHoldsOneToAThousandItems() {
        assertThat(fields(catchThrowableOfType(ValidationFailed.class, () -> app.importBatch.apply(List.of(), ACTOR))))
                .containsExactly("items");
        List<ImportBatch.Item> tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> item("E-1", LocalDate.of(2024, 1, 1).plusDays(i).toString(), "Present", null, null, null))
                .toList();
        assertThat(fields(catchThrowableOfType(ValidationFailed.class, () -> app.importBatch.apply(tooMany, ACTOR))))
                .containsExactly("items");
        assertThat(app.records.ofEmployee(ADA, WorkDate.of(2024, 1, 1), WorkDate.of(2024, 12, 31))).isEmpty();

        assertThat(app.importBatch.apply(tooMany.subList(0, 1000), ACTOR)).isEqualTo(new ImportBatch.Outcome(1000, 0, 0));
    }

    @Test
    void aBatchOfOneItemIsABatch() {
        ImportBatch.checkSize(1);

        assertThat(app.importBatch.apply(List.of(item("E-2", "2026-11-20", "Present", null, null, null)), "payroll"))
                .isEqualTo(new ImportBatch.Outcome(1, 0, 0));
        assertThat(app.recordReads.get(BOB, WorkDate.of(2026, 11, 20)).status()).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void aBatchThatFailsWhileWritingLeavesNothingBehind() {
        put(Commands.status("E-1", "2026-11-19", "Absent"));
        DayChanges failing = new InMemoryDayChanges(app.db, app.employees, app.records,
                new FailingOnThirdAppend(app.audit));

        assertThatThrownBy(() -> app.withDayChanges(failing).importBatch().apply(List.of(
                item("E-1", "2026-11-19", "Present", null, null, null),
                item("E-1", "2026-11-20", "Present", null, null, null),
                item("E-1", "2026-11-21", "Present", null, null, null),
                item("E-1", "2026-11-22", "Present", null, null, null)), ACTOR)).isInstanceOf(Unavailable.class);

        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 19))).map(AttendanceRecord::status)
                .contains(AttendanceStatus.ABSENT);
        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 20))).isEmpty();
        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 21))).isEmpty();
        assertThat(AuditHistories.of(app.audit, ADA, WorkDate.of(2026, 11, 19))).hasSize(1);
        assertThat(AuditHistories.of(app.audit, ADA, WorkDate.of(2026, 11, 20))).isEmpty();
    }

    /**
     * The audit trail, except that its third event of a record (the third item's, each written
     * with its record) fails as if the database went away.
     */
    private static final class FailingOnThirdAppend implements AuditTrail {
        private final AuditTrail delegate;
        private final AtomicInteger appends = new AtomicInteger();

        FailingOnThirdAppend(AuditTrail delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(AuditEvent event) {
            if (appends.incrementAndGet() == 3) {
                throw new Unavailable("the database went away", null);
            }
            delegate.append(event);
        }

        @Override
        public void append(EmployeeAuditEvent event) {
            delegate.append(event);
        }

        @Override
        public List<Sequenced<EmployeeAuditEvent>> history(EmployeeId employeeId, OptionalLong after, int limit) {
            return delegate.history(employeeId, after, limit);
        }

        @Override
        public List<Sequenced<AuditEvent>> history(EmployeeId employeeId, WorkDate date, OptionalLong after, int limit) {
            return delegate.history(employeeId, date, after, limit);
        }
    }

    @Test
    void aBatchThatLosesARaceRunsAgainOverTheWinnersWritesAndCountsEveryItemOnce() {
        put(Commands.status("E-1", "2026-11-20", "Present"));
        losing.anotherWriterWinsTheNextRace(() -> put(Commands.status("E-1", "2026-11-21", "Present")));

        ImportBatch.Outcome outcome = app.withDayChanges(losing).importBatch().apply(List.of(
                item("E-1", "2026-11-21", "Absent", null, null, null),
                item("E-1", "2026-11-20", "Absent", null, null, null)), ACTOR);

        assertThat(outcome).isEqualTo(new ImportBatch.Outcome(0, 2, 0));
        assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 21))).map(AttendanceRecord::status)
                .contains(AttendanceStatus.ABSENT);
        assertThat(app.auditActions(ADA, WorkDate.of(2026, 11, 20))).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        assertThat(app.auditActions(ADA, WorkDate.of(2026, 11, 21))).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
    }
}
