package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmployeeIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"E-1", "a", "emp_007.night-shift", "0123456789012345678901234567890123456789012345678901234567890123"})
    void idsThatHrSystemsIssueAreAccepted(String value) {
        assertThat(new EmployeeId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"E 1", "x' OR '1'='1", "ümlaut", "tab\tid", "a/b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsRefusedWithTheIdField(String value) {
        assertThatThrownBy(() -> new EmployeeId(value))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).errors()).allMatch(error -> error.field().equals("id")));
    }
}
