package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;

class AttendanceQueryTest {
    private static final WorkDate FROM = WorkDate.of(2026, 11, 1);
    private static final WorkDate TO = WorkDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private static AttendanceQuery query(WorkDate from, WorkDate to, String employeeId, String department,
            AttendanceStatus status, Instant updatedSince) {
        return new AttendanceQuery(from, to, Optional.ofNullable(employeeId).map(EmployeeId::new),
                Optional.ofNullable(department), Optional.ofNullable(status), Optional.ofNullable(updatedSince));
    }

    @Test
    void toMayNotComeBeforeFrom() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> AttendanceQuery.between(WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 1)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("to");
        assertThat(AttendanceQuery.between(FROM, FROM).from()).isEqualTo(FROM);
    }

    @Test
    void aRangeSpansAtMost366Days() {
        assertThat(AttendanceQuery.between(WorkDate.of(2026, 1, 1), WorkDate.of(2027, 1, 2)).to())
                .isEqualTo(WorkDate.of(2027, 1, 2));
        assertThatThrownBy(() -> AttendanceQuery.between(WorkDate.of(2026, 1, 1), WorkDate.of(2027, 1, 3)))
                .isInstanceOf(ValidationFailed.class).hasMessageStartingWith("to");
        assertThat(AttendanceQuery.between(WorkDate.of(2024, 1, 1), WorkDate.of(2025, 1, 1)).to()).as("a leap year").isNotNull();
    }

    @Property
    void theRangeRuleHoldsForEveryPairOfDates(
            @ForAll @DateRange(min = "1970-01-01", max = "2200-12-31") LocalDate from,
            @ForAll @IntRange(min = -800, max = 800) int days) {
        LocalDate to = from.plusDays(days);
        if (to.isBefore(WorkDate.EARLIEST)) {
            return;
        }
        if (days >= 0 && days <= AttendanceQuery.MAX_DAYS) {
            AttendanceQuery.requireRange(new WorkDate(from), new WorkDate(to));
        } else {
            assertThatThrownBy(() -> AttendanceQuery.requireRange(new WorkDate(from), new WorkDate(to)))
                    .isInstanceOf(ValidationFailed.class).hasMessageStartingWith("to");
        }
    }

    @Test
    void aBlankDepartmentFilterIsNoFilterAndALongOneIsRefused() {
        assertThat(query(FROM, TO, null, "  ", null, null).department()).isEmpty();
        assertThat(query(FROM, TO, null, " Ops ", null, null).department()).contains("Ops");
        assertThatThrownBy(() -> query(FROM, TO, null, "d".repeat(101), null, null)).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("department");
    }

    @Test
    void aRecordMatchesWhenItPassesEveryFilter() {
        Employee ada = Employee.first(new EmployeeId("E-1"),
                new EmployeeDetails("Ada", Optional.of("Ops"), ZoneId.of("UTC"), true), NOW);
        Employee bob = Employee.first(new EmployeeId("E-2"), EmployeeDetails.named("Bob", ZoneId.of("UTC")), NOW);
        AttendanceRecord record = AttendanceRecord.first(ada.id(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, NOW);
        AttendanceRecord bobs = AttendanceRecord.first(bob.id(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, NOW);

        assertThat(AttendanceQuery.between(FROM, TO).matches(record, ada)).isTrue();
        assertThat(AttendanceQuery.between(WorkDate.of(2026, 11, 27), WorkDate.of(2026, 11, 27)).matches(record, ada))
                .isTrue();
        assertThat(AttendanceQuery.between(FROM, WorkDate.of(2026, 11, 26)).matches(record, ada)).isFalse();
        assertThat(AttendanceQuery.between(WorkDate.of(2026, 11, 28), TO).matches(record, ada)).isFalse();
        assertThat(query(FROM, TO, "E-1", null, null, null).matches(record, ada)).isTrue();
        assertThat(query(FROM, TO, "E-2", null, null, null).matches(record, ada)).isFalse();
        assertThat(query(FROM, TO, null, "Ops", null, null).matches(record, ada)).isTrue();
        assertThat(query(FROM, TO, null, "ops", null, null).matches(record, ada)).isFalse();
        assertThat(query(FROM, TO, null, "Ops", null, null).matches(bobs, bob)).as("no department").isFalse();
        assertThat(query(FROM, TO, null, null, AttendanceStatus.PRESENT, null).matches(record, ada)).isTrue();
        assertThat(query(FROM, TO, null, null, AttendanceStatus.ABSENT, null).matches(record, ada)).isFalse();
        assertThat(query(FROM, TO, null, null, null, NOW).matches(record, ada)).isTrue();
        assertThat(query(FROM, TO, null, null, null, NOW.plusNanos(1000)).matches(record, ada)).isFalse();
        assertThat(query(FROM, TO, "E-1", "Ops", AttendanceStatus.PRESENT, NOW).matches(record, ada)).isTrue();
    }

    @Test
    void theCanonicalFormIsStableAndNamesEveryFilter() {
        AttendanceQuery query = query(FROM, TO, "E-1", "Ops", AttendanceStatus.HALF_DAY, NOW);

        assertThat(query.canonical()).isEqualTo(query(FROM, TO, "E-1", " Ops ", AttendanceStatus.HALF_DAY, NOW).canonical());
        assertThat(query.canonical()).isEqualTo(
                "from=2026-11-01&to=2026-11-30&employeeId=E-1&department=Ops&status=HALF_DAY&updatedSince=2026-11-27T09:00:00Z");
        assertThat(AttendanceQuery.between(FROM, TO).canonical())
                .isEqualTo("from=2026-11-01&to=2026-11-30&employeeId=&department=&status=&updatedSince=");
    }

    @Test
    void aDepartmentCannotPassItselfOffAsAnotherFilter() {
        AttendanceQuery sneaky = query(FROM, TO, null, "x&status=PRESENT", null, null);
        AttendanceQuery honest = query(FROM, TO, null, "x", AttendanceStatus.PRESENT, null);

        assertThat(sneaky.canonical()).isNotEqualTo(honest.canonical());
    }

    @Provide
    Arbitrary<AttendanceQuery> queries() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 40).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
        Arbitrary<Optional<EmployeeId>> ids = Arbitraries.of("E-1", "E-2", "E-1&x").optional(0.5)
                .map(id -> id.filter(text -> !text.contains("&")).map(EmployeeId::new));
        Arbitrary<Optional<String>> departments = Arbitraries.strings().withChars("ab&=% +-").ofMinLength(1).ofMaxLength(8)
                .optional(0.7);
        Arbitrary<Optional<AttendanceStatus>> statuses = Arbitraries.of(AttendanceStatus.class).optional(0.5);
        Arbitrary<Optional<Instant>> instants = Arbitraries.longs().between(0, 3).map(NOW::plusSeconds).optional(0.5);
        return Combinators.combine(dates, dates, ids, departments, statuses, instants).as((a, b, id, dept, status, since) ->
                new AttendanceQuery(new WorkDate(a.isBefore(b) ? a : b), new WorkDate(a.isBefore(b) ? b : a), id, dept, status, since));
    }

    @Property
    void equalQueriesAndOnlyEqualQueriesShareACanonicalForm(@ForAll("queries") AttendanceQuery one,
            @ForAll("queries") AttendanceQuery other) {
        assertThat(one.canonical().equals(other.canonical())).isEqualTo(one.equals(other));
    }
}
