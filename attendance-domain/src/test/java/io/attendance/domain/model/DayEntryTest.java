package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DayEntryTest {
    private static final Instant NINE = Instant.parse("2026-11-27T09:00:00Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private static DayEntry entry(AttendanceStatus status, Instant checkIn, Instant checkOut, String note) {
        return DayEntry.of(status, RecordSource.API)
                .checkIn(Optional.ofNullable(checkIn))
                .checkOut(Optional.ofNullable(checkOut))
                .note(Optional.ofNullable(note))
                .build();
    }

    private static DayEntry worked(Instant checkIn, Instant checkOut) {
        return entry(AttendanceStatus.PRESENT, checkIn, checkOut, null);
    }

    private static ValidationFailed refusal(Runnable construction) {
        return catchThrowableOfType(ValidationFailed.class, construction::run);
    }

    @ParameterizedTest
    @EnumSource(value = AttendanceStatus.class, names = {"ABSENT", "ON_LEAVE", "HOLIDAY"})
    void daysWithoutWorkRefuseBothPunchesAndSayWhy(AttendanceStatus status) {
        ValidationFailed refused = refusal(() -> entry(status, NINE, NINE.plusSeconds(60), null));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("checkIn", "checkOut");
        assertThat(refused.errors()).allSatisfy(error -> assertThat(error.message()).contains(status.label()));
        assertThat(refusal(() -> entry(status, NINE, null, null)).errors()).extracting(FieldError::field).containsExactly("checkIn");
        assertThat(refusal(() -> entry(status, null, NINE, null)).errors()).extracting(FieldError::field).containsExactly("checkOut");
        assertThat(entry(status, null, null, "Flu").status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = AttendanceStatus.class, names = {"PRESENT", "HALF_DAY", "WORK_FROM_HOME"})
    void daysOfWorkAcceptPunches(AttendanceStatus status) {
        DayEntry entry = entry(status, NINE, NINE.plus(Duration.ofHours(4)), null);

        assertThat(entry.workedMinutes()).contains(240L);
        assertThat(entry(status, NINE, null, null).checkIn()).contains(NINE);
        assertThat(entry(status, null, NINE, null).checkOut()).contains(NINE);
    }

    @Test
    void theCheckOutComesAfterTheCheckIn() {
        assertThat(refusal(() -> worked(NINE, NINE)).errors())
                .containsExactly(new FieldError("checkOut", "must be after checkIn"));
        assertThat(refusal(() -> worked(NINE, NINE.minusNanos(1000))).errors()).extracting(FieldError::field)
                .containsExactly("checkOut");
        assertThat(worked(NINE, NINE.plusNanos(1000)).workedMinutes()).contains(0L);
    }

    @Test
    void instantsAreHeldFromADayBeforeTheFirstWorkDateToTheLastSecondOfYear9999() {
        Instant first = IsoInstant.EARLIEST;
        Instant last = IsoInstant.LATEST;
        assertThat(worked(first, first.plusSeconds(60)).checkIn()).contains(first);
        assertThat(worked(last.minusSeconds(60), last).checkOut()).contains(last);

        for (Instant outside : List.of(first.minusNanos(1000), last.plusNanos(1000), Instant.MAX, Instant.MIN)) {
            assertThat(refusal(() -> worked(outside, null)).errors()).extracting(FieldError::field)
                    .containsExactly("checkIn");
            assertThat(refusal(() -> worked(null, outside)).errors()).extracting(FieldError::field)
                    .containsExactly("checkOut");
        }
    }

    @Test
    void anInstantOutOfRangeIsReportedOnItsOwnAndNeverComparedWithTheOther() {
        FieldError checkInOutOfRange = new FieldError("checkIn", "must be a date-time from 1969-12-31 to 9999-12-31 UTC");
        FieldError checkOutOutOfRange = new FieldError("checkOut", "must be a date-time from 1969-12-31 to 9999-12-31 UTC");

        assertThat(refusal(() -> worked(Instant.MAX, NINE)).errors()).containsExactly(checkInOutOfRange);
        assertThat(refusal(() -> worked(IsoInstant.LATEST.plusNanos(1000), IsoInstant.LATEST)).errors())
                .containsExactly(checkInOutOfRange);
        assertThat(refusal(() -> worked(NINE, Instant.MIN)).errors()).containsExactly(checkOutOutOfRange);
        assertThat(refusal(() -> worked(Instant.MAX, Instant.MIN)).errors()).containsExactly(checkInOutOfRange, checkOutOutOfRange);
    }

    @Test
    void aShiftLastsAtMost24Hours() {
        assertThat(worked(NINE, NINE.plus(DayEntry.MAX_SHIFT)).workedMinutes()).contains(24 * 60L);
        assertThat(refusal(() -> worked(NINE, NINE.plus(DayEntry.MAX_SHIFT).plusNanos(1000))).errors())
                .containsExactly(new FieldError("checkOut", "must be at most 24 hours after checkIn"));
    }

    @Property
    void theShiftRuleHoldsForEveryDuration(@ForAll @LongRange(min = -90_000_000_000L, max = 90_000_000_000L) long micros) {
        Instant checkOut = NINE.plus(micros, ChronoUnit.MICROS);
        Duration shift = Duration.of(micros, ChronoUnit.MICROS);
        if (micros > 0 && shift.compareTo(DayEntry.MAX_SHIFT) <= 0) {
            assertThat(worked(NINE, checkOut).workedMinutes()).contains(shift.toMinutes());
        } else {
            assertThatThrownBy(() -> worked(NINE, checkOut)).isInstanceOf(ValidationFailed.class)
                    .hasMessageStartingWith("checkOut");
        }
    }

    @Test
    void workedMinutesNeedBothPunchesAndRoundDown() {
        assertThat(worked(NINE, NINE.plusSeconds(8 * 3600 + 59)).workedMinutes()).contains(480L);
        assertThat(worked(NINE, null).workedMinutes()).isEmpty();
        assertThat(worked(null, NINE).workedMinutes()).isEmpty();
        assertThat(DayEntry.statusOnly(AttendanceStatus.PRESENT, RecordSource.V1).workedMinutes()).isEmpty();
    }

    @Test
    void aNoteHoldsUpTo500CharactersAndMayRunOverSeveralLines() {
        assertThat(entry(AttendanceStatus.ABSENT, null, null, "n".repeat(500)).note()).hasValueSatisfying(
                note -> assertThat(note).hasSize(500));
        assertThat(entry(AttendanceStatus.ABSENT, null, null, "😀".repeat(500)).note()).as("characters, not UTF-16 units")
                .isPresent();
        assertThat(refusal(() -> entry(AttendanceStatus.ABSENT, null, null, "n".repeat(501))).errors())
                .extracting(FieldError::field).containsExactly("note");
        assertThat(entry(AttendanceStatus.ABSENT, null, null, "Line one\r\nline two\n\tindented").note())
                .contains("Line one\r\nline two\n\tindented");
        assertThat(entry(AttendanceStatus.ABSENT, null, null, "  kept inside  ").note()).contains("kept inside");
        assertThat(entry(AttendanceStatus.ABSENT, null, null, " \n\t ").note()).as("blank is absent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u000b", "\u000c"})
    void aNoteRefusesOtherControlCharacters(String control) {
        assertThat(refusal(() -> entry(AttendanceStatus.PRESENT, null, null, "before" + control + "after")).errors())
                .extracting(FieldError::field).containsExactly("note");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ValidationFailed refused = refusal(() -> entry(AttendanceStatus.HOLIDAY, NINE, NINE.minusSeconds(1), "\u0000"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("checkIn", "checkOut", "checkOut", "note");
    }

    @Test
    void theCheckInFallsOnTheWorkDateInTheEmployeesZone() {
        DayEntry entry = worked(Instant.parse("2026-11-27T08:00:00Z"), null);

        assertThat(entry.requireOn(DAY, ZoneId.of("UTC"))).isSameAs(entry);
        assertThat(entry.requireOn(DAY, ZoneId.of("Europe/Paris"))).isSameAs(entry);
        assertThat(refusal(() -> entry.requireOn(WorkDate.of(2026, 11, 26), ZoneId.of("UTC"))).errors())
                .extracting(FieldError::field).containsExactly("checkIn");
    }

    @Test
    void aNightShiftChecksOutTheNextMorning() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant in = LocalDateTime.of(2026, 11, 27, 22, 0).atZone(paris).toInstant();
        Instant out = LocalDateTime.of(2026, 11, 28, 6, 0).atZone(paris).toInstant();

        DayEntry nightShift = worked(in, out).requireOn(DAY, paris);

        assertThat(nightShift.workedMinutes()).contains(480L);
        assertThatThrownBy(() -> worked(in, out).requireOn(WorkDate.of(2026, 11, 28), paris))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void theWorkDateIsTheLocalDateEvenWhereTheUtcDateDiffers() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Instant morningInAuckland = Instant.parse("2026-11-26T19:30:00Z");
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        Instant eveningInLosAngeles = Instant.parse("2026-11-28T04:00:00Z");

        assertThat(worked(morningInAuckland, null).requireOn(DAY, auckland).checkIn()).contains(morningInAuckland);
        assertThatThrownBy(() -> worked(morningInAuckland, null).requireOn(DAY, ZoneId.of("UTC")))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("UTC");
        assertThat(worked(eveningInLosAngeles, null).requireOn(DAY, losAngeles).checkIn()).contains(eveningInLosAngeles);
        assertThatThrownBy(() -> worked(eveningInLosAngeles, null).requireOn(WorkDate.of(2026, 11, 28), losAngeles))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("America/Los_Angeles");
    }

    @Test
    void anEntryWithoutCheckInFitsEveryDate() {
        DayEntry checkOutOnly = worked(null, NINE);

        assertThat(checkOutOnly.requireOn(WorkDate.of(2020, 1, 1), ZoneId.of("Asia/Tokyo"))).isSameAs(checkOutOnly);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Paris", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago",
                "America/Los_Angeles", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu")
                .map(ZoneId::of);
    }

    @Property
    void aCheckInAnyTimeOfTheLocalDayFitsThatDayAndNoOther(
            @ForAll @DateRange(min = "1970-01-02", max = "2099-12-30") LocalDate date,
            @ForAll("zones") ZoneId zone,
            @ForAll @LongRange(min = 0, max = 86_399_999_999L) long microsIntoTheDay) {
        LocalDateTime local = date.atStartOfDay().plus(microsIntoTheDay, ChronoUnit.MICROS);
        Instant checkIn = local.atZone(zone).toInstant();
        LocalDate actual = checkIn.atZone(zone).toLocalDate();
        DayEntry entry = worked(checkIn, checkIn.plus(Duration.ofHours(10)));

        assertThat(entry.requireOn(new WorkDate(actual), zone)).isSameAs(entry);
        assertThatThrownBy(() -> entry.requireOn(new WorkDate(actual.minusDays(1)), zone)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> entry.requireOn(new WorkDate(actual.plusDays(1)), zone)).isInstanceOf(ValidationFailed.class);
    }

    @Property
    void theFirstAndLastMicrosecondOfTheLocalDayBelongToIt(
            @ForAll @DateRange(min = "1970-01-02", max = "2099-12-30") LocalDate date, @ForAll("zones") ZoneId zone) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Assume.that(start.atZone(zone).toLocalDate().equals(date)); // not a day a zone skipped (Kiritimati, 1994-12-31)
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);

        assertThat(worked(start, null).requireOn(new WorkDate(date), zone).checkIn()).contains(start);
        assertThat(worked(end, null).requireOn(new WorkDate(date), zone).checkIn()).contains(end);
        assertThatThrownBy(() -> worked(start.minusNanos(1000), null).requireOn(new WorkDate(date), zone))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> worked(end.plusNanos(1000), null).requireOn(new WorkDate(date), zone))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void theSameContentIgnoresTheChannelThatWroteIt() {
        DayEntry api = DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API).checkIn(NINE).note("n").build();
        DayEntry batch = DayEntry.of(AttendanceStatus.PRESENT, RecordSource.BATCH)
                .checkIn(NINE)
                .note(" n ")
                .build();

        assertThat(api.sameContentAs(batch)).isTrue();
        assertThat(api.sameContentAs(DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.API)
                .checkIn(NINE)
                .note("n")
                .build())).isFalse();
        assertThat(api.sameContentAs(DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .checkIn(NINE.plusNanos(1000))
                .note("n")
                .build())).isFalse();
        assertThat(api.sameContentAs(DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .checkIn(NINE)
                .checkOut(NINE.plusSeconds(1))
                .note("n")
                .build())).isFalse();
        assertThat(api.sameContentAs(DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                .checkIn(NINE)
                .build())).isFalse();
    }

    @Test
    void aStatusOnlyEntryHasNothingElse() {
        DayEntry entry = DayEntry.statusOnly(AttendanceStatus.HOLIDAY, RecordSource.V1);

        assertThat(entry).isEqualTo(DayEntry.of(AttendanceStatus.HOLIDAY, RecordSource.V1).build());
    }

    @Test
    void aBuilderMadeFromAnEntryBuildsItAgainAndChangesOnlyWhatItIsTold() {
        DayEntry full = DayEntry.of(AttendanceStatus.PRESENT, RecordSource.BATCH)
                .checkIn(NINE)
                .checkOut(NINE.plusSeconds(3600))
                .note("n")
                .build();

        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.toBuilder().source(RecordSource.API).build())
                .isNotEqualTo(full)
                .satisfies(fromTheApi -> assertThat(fromTheApi.sameContentAs(full)).isTrue());
        assertThat(full.toBuilder().status(AttendanceStatus.HALF_DAY).build().status()).isEqualTo(AttendanceStatus.HALF_DAY);
    }

    @Test
    void everyPartIsRequiredEvenIfEmpty() {
        assertThatThrownBy(() -> DayEntry.of(null, RecordSource.API).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DayEntry.of(AttendanceStatus.PRESENT, null).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API).checkIn((Optional<Instant>) null).build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void workedMinutesSpanADaylightSavingChangeInRealTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant in = LocalDateTime.of(LocalDate.of(2026, 10, 24), LocalTime.of(22, 0)).atZone(paris).toInstant();
        Instant out = LocalDateTime.of(LocalDate.of(2026, 10, 25), LocalTime.of(6, 0)).atZone(paris).toInstant();

        assertThat(worked(in, out).requireOn(WorkDate.of(2026, 10, 24), paris).workedMinutes()).contains(540L);
    }
}
