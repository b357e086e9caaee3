package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Grant CLOCK_IN = new Grant(Set.of(Role.DEVICE), Optional.empty());

    @Test
    void aKeyIsIssuedUnderA16HexDigitNameOfItsOwnAndNotRevoked() {
        Set<ApiKeyId> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ApiKey key = ApiKey.issued(" time clock, door 3 ", CLOCK_IN, new Username("root"), NOW);

            assertThat(key.id().value()).matches("[0-9a-f]{16}");
            assertThat(key.id()).hasToString(key.id().value());
            assertThat(key.name()).isEqualTo("time clock, door 3");
            assertThat(key.revokedAt()).isEmpty();
            ids.add(key.id());
        }

        assertThat(ids).as("no two keys alike").hasSize(100);
    }

    @Test
    void aRequestWithAKeyActsAsThatKeyWithItsGrant() {
        ApiKey key = ApiKey.issued("payroll sync", new Grant(Set.of(Role.VIEWER), Optional.empty()), new Username("root"), NOW);

        assertThat(key.principal()).isEqualTo(new Principal(Principal.Kind.API_KEY, key.id().value(), Set.of(Role.VIEWER),
                Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF", "0123456789abcdeg", "../../etc/passwd"})
    void anIdIsExactly16LowerCaseHexDigits(String id) {
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> new ApiKeyId(id)).errors())
                .containsExactly(new FieldError("id", "must be 16 lower-case hexadecimal digits"));
    }

    @Test
    void anAbsentIdIsRefusedLikeAWrongOne() {
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> new ApiKeyId(null)).errors())
                .extracting(FieldError::field).containsExactly("id");
    }

    @Test
    void aKeyIsNamedOnOneLineOfAtMost100Characters() {
        assertThat(ApiKey.requireValidName("n".repeat(ApiKey.MAX_NAME_LENGTH))).hasSize(100);
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> ApiKey.requireValidName("n".repeat(101))).errors())
                .extracting(FieldError::field).containsExactly("name");
        assertThat(catchThrowableOfType(ValidationFailed.class, () -> ApiKey.requireValidName("door\n3")).errors())
                .extracting(FieldError::field).containsExactly("name");
        assertThat(catchThrowableOfType(ValidationFailed.class,
                () -> ApiKey.issued(" ", CLOCK_IN, new Username("root"), NOW)).errors())
                .containsExactly(new FieldError("name", "is required"));
    }
}
