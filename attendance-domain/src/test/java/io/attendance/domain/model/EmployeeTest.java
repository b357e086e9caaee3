package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import org.junit.jupiter.api.Test;

class EmployeeTest {
    private static final EmployeeId ID = new EmployeeId("E-1");

    @Test
    void aNameIsKeptWithoutSurroundingBlanks() {
        assertThat(new Employee(ID, "  Ada Lovelace ").name()).isEqualTo("Ada Lovelace");
        assertThat(new Employee(ID, "x' OR '1'='1").name()).isEqualTo("x' OR '1'='1");
        assertThat(new Employee(ID, "Zoë Ångström-Øberg 王").name()).isEqualTo("Zoë Ångström-Øberg 王");
    }

    @Test
    void aNameIsAtMost200Characters() {
        assertThat(new Employee(ID, "a".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> new Employee(ID, "a".repeat(201))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void blankNamesAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> new Employee(ID, " ")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> new Employee(ID, null)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> new Employee(ID, "Ada\nLovelace")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> new Employee(ID, "Ada\u0000")).isInstanceOf(ValidationFailed.class);
    }
}
