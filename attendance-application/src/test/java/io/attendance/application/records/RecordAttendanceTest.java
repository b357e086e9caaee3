package io.attendance.application.records;

import static io.attendance.application.InMemoryApplication.ACTOR;
import static io.attendance.application.InMemoryApplication.CLOCK;
import static io.attendance.application.InMemoryApplication.DEFAULT_ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AuditHistories;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordAttendanceTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private final InMemoryApplication app = new InMemoryApplication();
    private final RecordAttendance recordAttendance = app.recordAttendance;

    private static RecordAttendanceCommand command(String name, String status, String date) {
        return Commands.recordAttendance("E-1", name, status, date);
    }

    private AttendanceRecord record(String name, String status, String date) {
        return recordAttendance.record(command(name, status, date), ACTOR);
    }

    @Test
    void theFirstRecordOfAnUnknownEmployeeCreatesTheEmployeeInTheDefaultZone() {
        AttendanceRecord created = record("Ada Lovelace", "present", "2026-11-27");

        assertThat(created).isEqualTo(AttendanceRecord.first(ADA, DAY, AttendanceStatus.PRESENT, CLOCK.instant()));
        assertThat(app.employees.find(ADA))
                .contains(Employee.first(ADA, EmployeeDetails.named("Ada Lovelace", DEFAULT_ZONE), CLOCK.instant()));
    }

    @Test
    void everyV1CreateIsAuditedByItsActor() {
        AttendanceRecord created = recordAttendance.record(command("Ada Lovelace", "Absent", "2026-11-27"), "kiosk-7");

        assertThat(AuditHistories.of(app.audit, ADA, DAY)).containsExactly(AuditEvent.created(created, "kiosk-7"));
    }

    @Test
    void theEmployeeAV1CreateMeetsOrRenamesIsAuditedByItsActor() {
        recordAttendance.record(command("Ada Lovelace", "Absent", "2026-11-26"), "user:hr");
        Employee met = app.employees.find(ADA).orElseThrow();
        recordAttendance.record(command("Ada King", "Present", "2026-11-27"), "api-key:0123456789abcdef");
        recordAttendance.record(command("Ada King", "Present", "2026-11-28"), "user:hr");

        assertThat(AuditHistories.of(app.audit, ADA)).containsExactly(
                EmployeeAuditEvent.created(met, "user:hr"),
                EmployeeAuditEvent.updated(met, app.employees.find(ADA).orElseThrow(), "api-key:0123456789abcdef"));
    }

    @Test
    void anUnknownEmployeeWithoutANameIsRefusedAndNothingIsStored() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> record(null, "Present", "2026-11-27"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(app.records.find(ADA, DAY)).isEmpty();
        assertThat(app.employees.find(ADA)).isEmpty();
        assertThat(AuditHistories.of(app.audit, ADA, DAY)).isEmpty();
        assertThat(AuditHistories.of(app.audit, ADA)).isEmpty();
    }

    @Test
    void aKnownEmployeeNeedsNoNameAndANewNameRenamesThemKeepingTheRest() {
        app.hire("E-1", "Ada Lovelace", "Engineering", "Asia/Tokyo");
        record(null, "Absent", "2026-11-27");
        assertThat(app.employees.find(ADA)).map(Employee::version).contains(1L);

        record("Ada King", "Holiday", "2026-11-28");

        Employee renamed = app.employees.find(ADA).orElseThrow();
        assertThat(renamed.name()).isEqualTo("Ada King");
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.department()).contains("Engineering");
        assertThat(renamed.timezone().getId()).isEqualTo("Asia/Tokyo");
        record("Ada King", "Present", "2026-11-26");
        assertThat(app.employees.find(ADA)).map(Employee::version).as("the same name changes nothing").contains(2L);
    }

    @Test
    void theSameDayTwiceIsAConflictAndKeepsTheFirstRecordAndName() {
        record("Ada Lovelace", "Present", "2026-11-27");

        assertThatThrownBy(() -> record("Someone Else", "Absent", "2026-11-27")).isInstanceOf(Conflict.class);
        assertThat(app.records.find(ADA, DAY)).map(AttendanceRecord::status).contains(AttendanceStatus.PRESENT);
        assertThat(app.employees.find(ADA)).map(Employee::name).contains("Ada Lovelace");
        assertThat(AuditHistories.of(app.audit, ADA, DAY)).hasSize(1);
    }

    @Test
    void aDayBeyondTheBookingWindowIsRefused() {
        assertThatThrownBy(() -> record("Ada", "Present", "2027-11-29"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("date");
        record("Ada", "Present", "2027-11-28");
    }

    @Test
    void aWarmCacheNeverHidesANewRecord() {
        record("Ada Lovelace", "Present", "2026-11-26");
        assertThat(app.lookUpAttendance.latestOf(ADA)).map(latest -> latest.record().date()).contains(WorkDate.of(2026, 11, 26));

        record(null, "Absent", "2026-11-27");

        Optional<EmployeeAttendance> latest = app.lookUpAttendance.latestOf(ADA);
        assertThat(latest).map(found -> found.record().status()).contains(AttendanceStatus.ABSENT);
    }

    @Test
    void aWarmCacheNeverHidesARename() {
        record("Ada Lovelace", "Present", "2026-11-26");
        assertThat(app.lookUpAttendance.latestOf(ADA)).map(latest -> latest.employee().name()).contains("Ada Lovelace");
        assertThat(app.employeeReads.get(ADA).name()).isEqualTo("Ada Lovelace");

        record("Ada King", "Present", "2026-11-25");

        assertThat(app.lookUpAttendance.latestOf(ADA)).map(latest -> latest.employee().name()).contains("Ada King");
        assertThat(app.employeeReads.get(ADA).name()).isEqualTo("Ada King");
    }

    @Nested
    class LostRaces {

        private final LosingDayChanges losing = new LosingDayChanges(app.store.dayChanges());
        private final RecordAttendance racing = app.withDayChanges(losing).recordAttendance();

        @Test
        void aV1CreateThatLosesTheRaceToCreateTheEmployeeRunsAgainAndRecordsTheDay() {
            losing.anotherWriterWinsTheNextRace(() -> record("Ada Lovelace", "Present", "2026-11-26"));

            AttendanceRecord created = racing.record(command("Ada Lovelace", "Absent", "2026-11-27"), ACTOR);

            assertThat(app.records.find(ADA, DAY)).contains(created);
            assertThat(AuditHistories.of(app.audit, ADA, DAY)).containsExactly(AuditEvent.created(created, ACTOR));
            assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 26))).isPresent();
            assertThat(app.employees.find(ADA)).map(Employee::version).contains(1L);
        }

        @Test
        void aV1RenameThatLosesTheRaceRunsAgainAndKeepsTheOtherWritersChange() {
            app.hire("E-1", "Ada Lovelace", "Engineering", "Asia/Tokyo");
            losing.anotherWriterWinsTheNextRace(() -> app.hire("E-1", "Ada Lovelace", "Sales", "Asia/Tokyo"));

            AttendanceRecord created = racing.record(command("Ada King", "Present", "2026-11-27"), ACTOR);

            Employee renamed = app.employees.find(ADA).orElseThrow();
            assertThat(renamed.version()).isEqualTo(3);
            assertThat(renamed.name()).isEqualTo("Ada King");
            assertThat(renamed.department()).contains("Sales");
            assertThat(app.records.find(ADA, DAY)).contains(created);
        }
    }
}
