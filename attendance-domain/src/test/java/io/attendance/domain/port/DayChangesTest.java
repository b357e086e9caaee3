package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges.Stored;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DayChangesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final Employee ADA = Employee.first(new EmployeeId("E-1"), EmployeeDetails.named("Ada", ZoneId.of("UTC")), NOW);
    private static final Employee BOB = Employee.first(new EmployeeId("E-2"), EmployeeDetails.named("Bob", ZoneId.of("UTC")), NOW);
    private static final AttendanceKey ADAS_DAY = new AttendanceKey(DAY, ADA.id());
    private static final AttendanceRecord PRESENT = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, NOW);
    private static final AttendanceRecord ABSENT = PRESENT.revised(DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.API),
            NOW.plusSeconds(60)).orElseThrow();
    private static final Stored NOTHING_STORED = new Stored(Optional.empty(), Optional.empty());

    private static Change created(AttendanceRecord record) {
        return Change.ofRecord(record, AuditEvent.created(record, "user:hr"));
    }

    @Test
    void aFirstRecordAndAFirstEmployeeApplyToADayWhereNothingIsStored() {
        Change change = created(PRESENT).withEmployee(ADA, EmployeeAuditEvent.created(ADA, "user:hr"));

        change.requireAppliesTo(ADAS_DAY, NOTHING_STORED);
        Change.NONE.requireAppliesTo(ADAS_DAY, NOTHING_STORED);

        assertThat(change.employee()).map(DayChanges.Written::value).contains(ADA);
        assertThat(change.record()).map(DayChanges.Written::value).contains(PRESENT);
    }

    @Test
    void aChangeWritesTheVersionAfterTheStoredOne() {
        Change update = Change.ofRecord(ABSENT, AuditEvent.updated(PRESENT, ABSENT, "user:hr"));

        update.requireAppliesTo(ADAS_DAY, new Stored(Optional.of(ADA), Optional.of(PRESENT)));
        assertThatThrownBy(() -> update.requireAppliesTo(ADAS_DAY, NOTHING_STORED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version 2 does not follow 0");
        assertThatThrownBy(() -> created(PRESENT).requireAppliesTo(ADAS_DAY, new Stored(Optional.of(ADA), Optional.of(PRESENT))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version 1 does not follow 1");
        assertThatThrownBy(() -> Change.NONE.withEmployee(ADA, EmployeeAuditEvent.created(ADA, "user:hr"))
                .requireAppliesTo(ADAS_DAY, new Stored(Optional.of(ADA), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version 1 does not follow 1");
    }

    @Test
    void aChangeWritesOnlyTheEmployeeAndRecordOfItsOwnDay() {
        AttendanceKey nextDay = new AttendanceKey(WorkDate.of(2026, 11, 28), ADA.id());
        AttendanceKey bobsDay = new AttendanceKey(DAY, BOB.id());

        assertThatThrownBy(() -> created(PRESENT).requireAppliesTo(nextDay, NOTHING_STORED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Change.NONE.withEmployee(ADA, EmployeeAuditEvent.created(ADA, "user:hr"))
                .requireAppliesTo(bobsDay, NOTHING_STORED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a change of E-2 cannot write E-1");
    }

    @Test
    void aPartAndItsAuditEventAreOfTheSameEmployeeAndDay() {
        AttendanceRecord bobsRecord = AttendanceRecord.first(BOB.id(), DAY, AttendanceStatus.PRESENT, NOW);

        assertThatThrownBy(() -> Change.ofRecord(PRESENT, AuditEvent.created(bobsRecord, "user:hr")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Change.NONE.withEmployee(ADA, EmployeeAuditEvent.created(BOB, "user:hr")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneDaysChangeIsPlannedAndWrittenAsABatchOfThatDay() {
        List<List<AttendanceKey>> batches = new ArrayList<>();
        Stored stored = new Stored(Optional.of(ADA), Optional.empty());
        DayChanges days = (keys, plan) -> {
            batches.add(keys);
            return plan.apply(List.of(stored));
        };

        Change written = days.apply(ADAS_DAY, seen -> {
            assertThat(seen).isEqualTo(stored);
            return created(PRESENT);
        });

        assertThat(written).isEqualTo(created(PRESENT));
        assertThat(batches).containsExactly(List.of(ADAS_DAY));
    }
}
