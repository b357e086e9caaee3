package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    private static List<FieldError> refusal(String name) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> new Username(name));
        assertThat(refused).as(name).isNotNull();
        return refused.errors();
    }

    @Test
    void aNameIsKeptInLowerCaseSoThatLetterCaseMakesNoOtherUser() {
        assertThat(new Username("Alice")).isEqualTo(new Username("alice"));
        assertThat(new Username("ALICE@Example.COM").value()).isEqualTo("alice@example.com");
        assertThat(new Username("Alice")).hasToString("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", ".", "_", "@", "-"})
    void lettersDigitsAndFourMarksMakeAName(String character) {
        assertThat(new Username("x" + character + "x").value()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "`", "{", "[", "/", ":", "+", "é", "\u0000", "!"})
    void anyOtherCharacterIsRefused(String character) {
        assertThat(refusal("x" + character + "x"))
                .containsExactly(new FieldError("username", "may contain only letters, digits, '.', '_', '@' and '-'"));
    }

    @Test
    void aNameHasOneTo64Characters() {
        assertThat(new Username("u".repeat(Username.MAX_LENGTH)).value()).hasSize(64);

        assertThat(refusal("u".repeat(Username.MAX_LENGTH + 1)))
                .containsExactly(new FieldError("username", "must be at most 64 characters"));
        assertThat(refusal("")).containsExactly(new FieldError("username", "is required"));
        assertThat(refusal(null)).containsExactly(new FieldError("username", "is required"));
    }
}
