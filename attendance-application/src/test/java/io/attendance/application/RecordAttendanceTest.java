package io.attendance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.fake.InMemoryAttendanceRecords;
import io.attendance.domain.fake.InMemoryDatabase;
import io.attendance.domain.fake.InMemoryEmployees;
import io.attendance.domain.fake.InMemoryReadCache;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordAttendanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private static final EmployeeId ADA = new EmployeeId("E-1");

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final InMemoryEmployees employees = new InMemoryEmployees(db);
    private final InMemoryAttendanceRecords records = new InMemoryAttendanceRecords(db);
    private final InMemoryReadCache cache = new InMemoryReadCache();
    private final RecordAttendance recordAttendance = new RecordAttendance(db, employees, records, cache, CLOCK);
    private final LookUpAttendance lookUp = new LookUpAttendance(records, cache, 100);

    private static RecordAttendanceCommand command(String name, String status, String date) {
        return RecordAttendanceCommand.parse("E-1", name, status, date);
    }

    @Test
    void theFirstRecordOfAnUnknownEmployeeCreatesTheEmployee() {
        AttendanceRecord created = recordAttendance.record(command("Ada Lovelace", "present", "2026-11-27"));

        assertThat(created).isEqualTo(AttendanceRecord.first(
                ADA, WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, CLOCK.instant()));
        assertThat(employees.find(ADA)).contains(new Employee(ADA, "Ada Lovelace"));
    }

    @Test
    void anUnknownEmployeeWithoutANameIsRefusedAndNothingIsStored() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> recordAttendance.record(command(null, "Present", "2026-11-27")));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(records.find(ADA, WorkDate.of(2026, 11, 27))).isEmpty();
    }

    @Test
    void aKnownEmployeeNeedsNoNameAndANewNameRenamesThem() {
        recordAttendance.record(command("Ada Lovelace", "Present", "2026-11-26"));
        recordAttendance.record(command(null, "Absent", "2026-11-27"));
        assertThat(employees.find(ADA)).map(Employee::name).contains("Ada Lovelace");

        recordAttendance.record(command("Ada King", "Holiday", "2026-11-28"));
        assertThat(employees.find(ADA)).map(Employee::name).contains("Ada King");
    }

    @Test
    void theSameDayTwiceIsAConflictAndKeepsTheFirstRecordAndName() {
        recordAttendance.record(command("Ada Lovelace", "Present", "2026-11-27"));

        assertThatThrownBy(() -> recordAttendance.record(command("Someone Else", "Absent", "2026-11-27")))
                .isInstanceOf(Conflict.class);
        assertThat(records.find(ADA, WorkDate.of(2026, 11, 27))).map(AttendanceRecord::status)
                .contains(AttendanceStatus.PRESENT);
        assertThat(employees.find(ADA)).map(Employee::name).contains("Ada Lovelace");
    }

    @Test
    void aDayBeyondTheBookingWindowIsRefused() {
        assertThatThrownBy(() -> recordAttendance.record(command("Ada", "Present", "2027-11-29")))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("date");
        recordAttendance.record(command("Ada", "Present", "2027-11-28"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> RecordAttendanceCommand.parse("E 1", "", "Foo", "27/11/2026"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("id", "name", "status", "date");
    }

    @Test
    void aWarmCacheNeverHidesANewRecord() {
        recordAttendance.record(command("Ada Lovelace", "Present", "2026-11-26"));
        assertThat(lookUp.latestOf(ADA)).map(latest -> latest.record().date()).contains(WorkDate.of(2026, 11, 26));

        recordAttendance.record(command(null, "Absent", "2026-11-27"));

        Optional<EmployeeAttendance> latest = lookUp.latestOf(ADA);
        assertThat(latest).map(found -> found.record().status()).contains(AttendanceStatus.ABSENT);
    }
}
