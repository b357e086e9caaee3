package io.attendance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.InMemoryPersistence;
import io.attendance.testing.RecordSeeding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedding entry point with its defaults, over the in-memory store. */
class AttendanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final WorkDate NEXT_DAY = WorkDate.of(2026, 11, 28);
    private static final byte[] SECRET = "a secret several instances share".getBytes(StandardCharsets.UTF_8);

    private final InMemoryPersistence store = new InMemoryPersistence();

    private static RecordAttendanceCommand present(String id, WorkDate date) {
        return new RecordAttendanceCommand(new EmployeeId(id), Optional.of("Employee " + id), AttendanceStatus.PRESENT,
                date);
    }

    @Test
    void itCannotBeBuiltWithoutAPersistence() {
        assertThatThrownBy(() -> Attendance.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("persistence");
    }

    @Test
    void theDefaultClockTicksInWholeMicrosecondsAsPostgresqlKeepsThem() {
        Clock clock = Attendance.microsecondClock();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        for (int i = 0; i < 1_000; i++) {
            assertThat(clock.instant().getNano() % 1_000).isZero();
        }

        Attendance attendance = Attendance.builder().persistence(store).build();
        WorkDate today = new WorkDate(LocalDate.now(ZoneOffset.UTC));
        AttendanceRecord written = attendance.recordAttendance().record(present("E-1", today), "test");

        assertThat(written.updatedAt().getNano() % 1_000).isZero();
        assertThat(attendance.recordReads().get(written.employeeId(), today)).isEqualTo(written);
    }

    @Test
    void anEmployeeMetWithoutAZoneIsInUtcUnlessAnotherDefaultIsSet() {
        Attendance inUtc = Attendance.builder().persistence(store).clock(CLOCK).build();
        Attendance inParis = Attendance.builder().persistence(store).clock(CLOCK).defaultZone(ZoneId.of("Europe/Paris"))
                .build();

        inUtc.recordAttendance().record(present("E-1", DAY), "test");
        inParis.recordAttendance().record(present("E-2", DAY), "test");

        assertThat(inUtc.employeeReads().get(new EmployeeId("E-1")).details().timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(inUtc.employeeReads().get(new EmployeeId("E-2")).details().timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void withoutAReadCacheEveryReadGoesToTheStore() {
        Attendance attendance = Attendance.builder().persistence(store).clock(CLOCK).build();
        attendance.recordAttendance().record(present("E-1", DAY), "test");
        EmployeeId ada = new EmployeeId("E-1");
        assertThat(attendance.lookUpAttendance().latestOf(ada)).map(latest -> latest.record().date()).contains(DAY);

        // written past the use cases, so that no cache is told: only a read from the store sees it
        RecordSeeding.written(store.dayChanges(),
                AttendanceRecord.first(ada, NEXT_DAY, AttendanceStatus.ABSENT, CLOCK.instant()));

        assertThat(attendance.lookUpAttendance().latestOf(ada)).map(latest -> latest.record().date())
                .contains(NEXT_DAY);
    }

    @Test
    void aCursorIsAcceptedOnlyWhereTheSecretIsShared() {
        Attendance first = Attendance.builder().persistence(store).clock(CLOCK).cursorSecret(SECRET).build();
        Attendance sharing = Attendance.builder().persistence(store).clock(CLOCK).cursorSecret(SECRET).build();
        Attendance ownSecret = Attendance.builder().persistence(store).clock(CLOCK).build();
        first.recordAttendance().record(present("E-1", DAY), "test");
        first.recordAttendance().record(present("E-2", DAY), "test");
        Optional<String> cursor = first.employeeReads().list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.of(1))
                .nextCursor();

        assertThat(sharing.employeeReads().list(EmployeeQuery.EVERYONE, cursor, Optional.of(1)).items())
                .extracting(Employee::id).containsExactly(new EmployeeId("E-2"));
        assertThatThrownBy(() -> ownSecret.employeeReads().list(EmployeeQuery.EVERYONE, cursor, Optional.of(1)))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void everyRecordIsHandedOverWithItsEmployee() {
        Attendance attendance = Attendance.builder().persistence(store).clock(CLOCK).build();
        attendance.recordAttendance().record(present("E-2", DAY), "test");
        attendance.recordAttendance().record(present("E-1", NEXT_DAY), "test");
        attendance.recordAttendance().record(present("E-1", DAY), "test");
        List<String> handed = new ArrayList<>();

        attendance.forEachRecord(entry ->
                handed.add(entry.employee().details().name() + " " + entry.record().date()));

        assertThat(handed).containsExactly("Employee E-1 2026-11-27", "Employee E-1 2026-11-28", "Employee E-2 2026-11-27");
    }
}
