package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AttendanceRecordTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant CHECK_IN = Instant.parse("2026-11-27T08:00:00Z");

    private static DayEntry entry(AttendanceStatus status, String note, RecordSource source) {
        return DayEntry.of(status, source).checkIn(CHECK_IN).note(Optional.ofNullable(note)).build();
    }

    private static AttendanceRecord first() {
        return AttendanceRecord.first(ADA, DAY, entry(AttendanceStatus.PRESENT, "note", RecordSource.API), NOW);
    }

    @Test
    void aFirstRecordIsVersionOneCreatedAndUpdatedNow() {
        AttendanceRecord record = first();

        assertThat(record.version()).isEqualTo(1);
        assertThat(record.createdAt()).isEqualTo(NOW);
        assertThat(record.updatedAt()).isEqualTo(NOW);
        assertThat(record.key()).isEqualTo(new AttendanceKey(DAY, ADA));
        assertThat(record.status()).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void aRecordWorkedTheMinutesItsEntrySays() {
        DayEntry eightHours = DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .checkIn(CHECK_IN)
                .checkOut(CHECK_IN.plusSeconds(8 * 3600))
                .build();

        assertThat(AttendanceRecord.first(ADA, DAY, eightHours, NOW).workedMinutes()).contains(480L);
    }

    @Test
    void aV1RecordCarriesItsStatusAndItsChannelOnly() {
        AttendanceRecord record = AttendanceRecord.first(ADA, DAY, AttendanceStatus.HALF_DAY, NOW);

        assertThat(record.entry()).isEqualTo(DayEntry.statusOnly(AttendanceStatus.HALF_DAY, RecordSource.V1));
        assertThat(record.workedMinutes()).isEmpty();
    }

    @Test
    void revisingWithTheSameContentGivesNoNewVersionWhateverTheChannel() {
        AttendanceRecord record = first();

        assertThat(record.revised(entry(AttendanceStatus.PRESENT, "note", RecordSource.API), NOW.plusSeconds(60))).isEmpty();
        assertThat(record.revised(entry(AttendanceStatus.PRESENT, " note ", RecordSource.BATCH), NOW.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void revisingWithOtherContentGivesTheNextVersionUpdatedNow() {
        AttendanceRecord record = first();
        Instant later = NOW.plusSeconds(60);
        DayEntry absent = DayEntry.statusOnly(AttendanceStatus.ABSENT, RecordSource.BATCH);

        AttendanceRecord revised = record.revised(absent, later).orElseThrow();

        assertThat(revised).isEqualTo(new AttendanceRecord(ADA, DAY, absent, 2, NOW, later));
        assertThat(revised.revised(entry(AttendanceStatus.PRESENT, null, RecordSource.V1), later).orElseThrow().version()).isEqualTo(3);
    }

    @Property
    void theUpdateTimeNeverGoesBackwards(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long secondsFromNow) {
        AttendanceRecord record = first().revised(entry(AttendanceStatus.PRESENT, "second", RecordSource.API), NOW).orElseThrow();
        Instant clock = NOW.plusSeconds(secondsFromNow);

        AttendanceRecord revised = record.revised(entry(AttendanceStatus.HALF_DAY, "third", RecordSource.API), clock).orElseThrow();

        assertThat(revised.version()).isEqualTo(record.version() + 1);
        assertThat(revised.createdAt()).isEqualTo(record.createdAt());
        assertThat(revised.updatedAt()).isAfterOrEqualTo(record.updatedAt());
        assertThat(revised.updatedAt()).isEqualTo(clock.isAfter(NOW) ? clock : NOW);
    }

    @Test
    void versionsStartAtOneAndUpdatesNeverPrecedeCreation() {
        DayEntry entry = DayEntry.statusOnly(AttendanceStatus.PRESENT, RecordSource.API);

        assertThatThrownBy(() -> new AttendanceRecord(ADA, DAY, entry, 0, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttendanceRecord(ADA, DAY, entry, 1, NOW, NOW.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttendanceRecord(ADA, DAY, null, 1, NOW, NOW)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordsAreListedByDateThenEmployee() {
        AttendanceKey adaToday = new AttendanceKey(DAY, ADA);
        AttendanceKey bobToday = new AttendanceKey(DAY, new EmployeeId("B-2"));
        AttendanceKey adaYesterday = new AttendanceKey(WorkDate.of(2026, 11, 26), ADA);

        assertThat(adaYesterday).isLessThan(bobToday);
        assertThat(bobToday).isLessThan(adaToday);
        assertThat(adaToday).isEqualByComparingTo(new AttendanceKey(DAY, new EmployeeId("E-1")));
    }
}
