package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.attendance.domain.error.ValidationFailed;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
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
    @ValueSource(strings = {"E 1", "x' OR '1'='1", "ümlaut", "tab\tid", "a/b", "a@b", "a[b", "a`b", "a{b", "a:b",
            "\u0663", "\uff21", "a\u0000",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsRefusedWithTheIdField(String value) {
        assertThatThrownBy(() -> new EmployeeId(value))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).errors()).allMatch(error -> error.field().equals("id")));
    }

    /** The rule as the documentation states it, checked against the implementation on any text. */
    @Property
    void exactlyTheIdsOfTheDocumentedPatternAreAccepted(
            @ForAll @StringLength(max = 70) @Chars({'a', 'z', 'A', 'Z', '0', '9', '.', '_', '-', '@', '[', '`', '{', '/', ':',
                    ' ', '\u00e9', '\u0663', '\uff21'}) String value) {
        boolean documented = value.matches("[A-Za-z0-9._-]{1,64}");
        assertThat(catchThrowable(() -> new EmployeeId(value)) == null).as(value).isEqualTo(documented);
    }
}
