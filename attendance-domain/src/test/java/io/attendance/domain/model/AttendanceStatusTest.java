package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AttendanceStatusTest {
    @ParameterizedTest
    @CsvSource({
        "Present, PRESENT", "absent, ABSENT", "HALF_DAY, HALF_DAY", "half-day, HALF_DAY", "Half Day, HALF_DAY",
        "on leave, ON_LEAVE", "Work-From_Home, WORK_FROM_HOME", "' holiday ', HOLIDAY"})
    void statusesAreReadAsPeopleTypeThem(String text, AttendanceStatus expected) {
        assertThat(AttendanceStatus.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Foo", "presentt", "half  day", "x' OR '1'='1"})
    void unknownStatusesAreRefusedNamingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> AttendanceStatus.parse(text)).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("status");
    }

    @Test
    void everyLabelParsesBackToItsStatus() {
        for (AttendanceStatus status : AttendanceStatus.values()) {
            assertThat(AttendanceStatus.parse(status.label())).isEqualTo(status);
        }
    }
}
