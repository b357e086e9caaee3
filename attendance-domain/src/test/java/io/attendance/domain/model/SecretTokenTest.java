package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokenTest {
    private static final String SHAPE = "[A-Za-z0-9_-]{43}";

    @Test
    void aTokenIs256RandomBitsWrittenAsUnpaddedBase64Url() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String text = SecretToken.generate().reveal();

            assertThat(text).matches(SHAPE);
            assertThat(Base64.getUrlDecoder().decode(text)).hasSize(SecretToken.BYTES);
            issued.add(text);
        }

        assertThat(issued).as("no two tokens alike").hasSize(100);
    }

    @Test
    void aTokenPresentedBackIsTheTokenIssued() {
        SecretToken issued = SecretToken.generate();

        SecretToken presented = SecretToken.presented(issued.reveal()).orElseThrow();

        assertThat(presented).isEqualTo(issued).hasSameHashCodeAs(issued);
        assertThat(presented.digest()).isEqualTo(issued.digest());
        assertThat(presented).isNotEqualTo(SecretToken.generate()).isNotEqualTo(issued.reveal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "Z", "a", "z", "0", "9", "-", "_"})
    void everyCharacterOfTheUrlSafeAlphabetMayMakeAToken(String character) {
        String text = character.repeat(43);

        assertThat(SecretToken.presented(text)).hasValueSatisfying(token -> assertThat(token.reveal()).isEqualTo(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "[", "`", "{", "/", ":", "+", "=", ".", " ", "é", "\u0000"})
    void textWithAnyOtherCharacterIsNoTokenOfOurs(String character) {
        assertThat(SecretToken.presented("A".repeat(42) + character)).isEmpty();
        assertThat(SecretToken.presented(character + "A".repeat(42))).isEmpty();
    }

    @Test
    void textOfAnotherLengthIsNoTokenOfOurs() {
        assertThat(SecretToken.presented(null)).isEmpty();
        assertThat(SecretToken.presented("")).isEmpty();
        assertThat(SecretToken.presented("A".repeat(42))).isEmpty();
        assertThat(SecretToken.presented("A".repeat(44))).isEmpty();
        assertThat(SecretToken.presented(SecretToken.generate().reveal() + "=")).as("padded").isEmpty();
    }

    @Test
    void storesKeepTheSha256OfTheTextInLowerCaseHex() {
        SecretToken token = SecretToken.presented("A".repeat(43)).orElseThrow();

        assertThat(token.digest()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        assertThat(SecretToken.generate().digest()).matches("[0-9a-f]{64}").isNotEqualTo(token.digest());
    }

    @Test
    void aTokenNeverPrintsItsText() {
        SecretToken token = SecretToken.generate();

        assertThat(token.toString()).isEqualTo("SecretToken[hidden]").doesNotContain(token.reveal());
        assertThat(String.valueOf(java.util.Optional.of(token))).doesNotContain(token.reveal());
    }
}
