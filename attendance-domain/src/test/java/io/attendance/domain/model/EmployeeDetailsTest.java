package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmployeeDetailsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static EmployeeDetails inDepartment(String department) {
        return new EmployeeDetails("Ada", Optional.ofNullable(department), UTC, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "Etc/GMT+12",
            "Pacific/Chatham"})
    void ianaTimeZonesAreAccepted(String name) {
        assertThat(EmployeeDetails.parseTimezone(name)).isEqualTo(ZoneId.of(name));
        assertThat(EmployeeDetails.parseTimezone(name).getId()).isEqualTo(name);
    }

    @Test
    void aTimeZoneNameIsReadWithoutSurroundingBlanks() {
        assertThat(EmployeeDetails.parseTimezone("  Europe/Paris ")).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "+02:00", "-05:00", "Z", "GMT+2", "UTC+01:00", "UT", "Mars/Olympus", "europe/paris",
            "Europe/Paris'; DROP TABLE employees; --", "Europe/../../etc/passwd"})
    void fixedOffsetsAndUnknownZonesAreRefusedOnTheTimezoneField(String name) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> EmployeeDetails.parseTimezone(name));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("timezone");
    }

    @Test
    void aDepartmentHoldsUpTo100CharactersOnOneLine() {
        assertThat(inDepartment("d".repeat(100)).department()).hasValueSatisfying(d -> assertThat(d).hasSize(100));
        assertThat(inDepartment("  R&D ").department()).contains("R&D");
        assertThatThrownBy(() -> inDepartment("d".repeat(101))).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("department");
        assertThatThrownBy(() -> inDepartment("R&D\nSales")).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("department");
        assertThat(inDepartment("R&D\t").department()).as("a trailing tab is stripped").contains("R&D");
        assertThatThrownBy(() -> inDepartment("R\tD")).isInstanceOf(ValidationFailed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "\uDFFF", "Ada \uD83D", "\uDE00\uD83D"})
    void textWithALoneSurrogateIsRefusedSinceNoStoreCanKeepIt(String text) {
        assertThatThrownBy(() -> new EmployeeDetails(text, Optional.empty(), UTC, true))
                .isInstanceOf(ValidationFailed.class).hasMessageStartingWith("name must be Unicode text");
        assertThatThrownBy(() -> inDepartment(text))
                .isInstanceOf(ValidationFailed.class).hasMessageStartingWith("department must be Unicode text");
        assertThat(new EmployeeDetails("Ada \uD83D\uDE00", Optional.empty(), UTC, true).name())
                .as("a surrogate pair is one character").isEqualTo("Ada 😀");
    }

    @Test
    void aBlankDepartmentIsNoDepartment() {
        assertThat(inDepartment("   ").department()).isEmpty();
        assertThat(inDepartment("").department()).isEmpty();
        assertThat(inDepartment("   ")).isEqualTo(inDepartment(null));
    }

    @Test
    void anInvalidNameAndDepartmentAreReportedTogether() {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> new EmployeeDetails(" ", Optional.of("d".repeat(101)), UTC, true));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("name", "department");
    }

    @Test
    void aTimeZoneIsRequired() {
        assertThatThrownBy(() -> new EmployeeDetails("Ada", Optional.empty(), null, true))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEmployeeMetThroughV1IsActiveWithOnlyAName() {
        assertThat(EmployeeDetails.named(" Ada ", UTC)).isEqualTo(new EmployeeDetails("Ada", Optional.empty(), UTC, true));
    }

    @Test
    void equalDetailsMeanEqualTextAfterNormalising() {
        assertThat(new EmployeeDetails(" Ada ", Optional.of(" Ops "), UTC, true))
                .isEqualTo(new EmployeeDetails("Ada", Optional.of("Ops"), UTC, true));
    }
}
