package io.attendance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import org.junit.jupiter.api.Test;

class SaltedDigestPasswordHashingTest {
    private final SaltedDigestPasswordHashing hashing = new SaltedDigestPasswordHashing();

    @Test
    void theHashSaysItIsTheFakeAndItsDigestDependsOnTheSalt() {
        Password password = Password.chosen("password", "correct horse battery staple");
        String[] first = hashing.hash(password).encoded().split("\\$");
        String[] second = hashing.hash(password).encoded().split("\\$");

        assertThat(first).hasSize(3);
        assertThat(first[0]).isEqualTo("fake");
        assertThat(first[2]).as("the digest, not only the salt text, differs").isNotEqualTo(second[2]);
        assertThat(hashing.matches(password, new PasswordHash("fake$" + second[1] + "$" + first[2]))).isFalse();
    }
}
