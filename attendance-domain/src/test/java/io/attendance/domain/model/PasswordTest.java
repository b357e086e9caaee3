package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordTest {

    private static List<FieldError> refusal(Runnable making) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, making::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.errors();
    }

    @Test
    void aPasswordOfferedToSignInIsAnyTextUpTo1024Characters() {
        assertThat(Password.offered("password", "x").reveal()).isEqualTo("x");
        assertThat(Password.offered("password", " ").reveal()).as("blank, but typed").isEqualTo(" ");
        assertThat(Password.offered("password", "p".repeat(Password.MAX_LENGTH)).reveal()).hasSize(1024);

        assertThat(refusal(() -> Password.offered("password", "p".repeat(Password.MAX_LENGTH + 1))))
                .containsExactly(new FieldError("password", "must be at most 1024 characters"));
        assertThat(refusal(() -> Password.offered("password", ""))).containsExactly(new FieldError("password", "is required"));
        assertThat(refusal(() -> Password.offered("current", null))).containsExactly(new FieldError("current", "is required"));
    }

    @Test
    void aChosenPasswordHasAtLeast12CharactersAndIsNotBlank() {
        assertThat(Password.chosen("newPassword", "twelve chars").reveal()).isEqualTo("twelve chars");
        assertThat(Password.chosen("newPassword", "🔑".repeat(12)).reveal()).as("characters, not UTF-16 units")
                .isEqualTo("🔑".repeat(12));

        FieldError tooShort = new FieldError("newPassword", "must be at least 12 characters");
        assertThat(refusal(() -> Password.chosen("newPassword", "eleven char"))).containsExactly(tooShort);
        assertThat(refusal(() -> Password.chosen("newPassword", "🔑".repeat(11)))).containsExactly(tooShort);
        assertThat(refusal(() -> Password.chosen("newPassword", " ".repeat(12)))).containsExactly(tooShort);
        assertThat(refusal(() -> Password.chosen("newPassword", "p".repeat(Password.MAX_LENGTH + 1))))
                .containsExactly(new FieldError("newPassword", "must be at most 1024 characters"));
    }

    @Test
    void passwordsAreEqualWhenTheirTextIs() {
        Password password = Password.offered("password", "correct horse");

        assertThat(password).isEqualTo(Password.chosen("newPassword", "correct horse")).hasSameHashCodeAs(
                Password.offered("other", "correct horse"));
        assertThat(password).isNotEqualTo(Password.offered("password", "correct horsE")).isNotEqualTo("correct horse");
    }

    @Test
    void aPasswordNeverPrintsItsText() {
        Password password = Password.offered("password", "correct horse");

        assertThat(password.toString()).isEqualTo("Password[hidden]").doesNotContain("horse");
    }
}
