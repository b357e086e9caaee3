package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmployeeTest {
    private static final EmployeeId ID = new EmployeeId("E-1");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant CREATED = Instant.parse("2026-11-27T08:00:00Z");

    private static EmployeeDetails named(String name) {
        return EmployeeDetails.named(name, PARIS);
    }

    @Test
    void aNameIsKeptWithoutSurroundingBlanks() {
        assertThat(named("  Ada Lovelace ").name()).isEqualTo("Ada Lovelace");
        assertThat(named("x' OR '1'='1").name()).isEqualTo("x' OR '1'='1");
        assertThat(named("Zoë Ångström-Øberg 王").name()).isEqualTo("Zoë Ångström-Øberg 王");
    }

    @Test
    void aNameIsAtMost200Characters() {
        assertThat(named("a".repeat(200)).name()).hasSize(200);
        assertThat(named("王".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> named("a".repeat(201))).isInstanceOf(ValidationFailed.class).hasMessageStartingWith("name");
    }

    @Test
    void blankNamesAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> named(" ")).isInstanceOf(ValidationFailed.class).hasMessageStartingWith("name");
        assertThatThrownBy(() -> named(null)).isInstanceOf(ValidationFailed.class).hasMessageStartingWith("name");
        assertThatThrownBy(() -> named("Ada\nLovelace")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> named("Ada\u0000")).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void aNewEmployeeIsVersionOneCreatedAndUpdatedNow() {
        Employee ada = Employee.first(ID, named("Ada"), CREATED);

        assertThat(ada.version()).isEqualTo(1);
        assertThat(ada.createdAt()).isEqualTo(CREATED);
        assertThat(ada.updatedAt()).isEqualTo(CREATED);
        assertThat(ada.active()).isTrue();
        assertThat(ada.timezone()).isEqualTo(PARIS);
        assertThat(ada.department()).isEmpty();
    }

    @Test
    void revisingWithTheSameDetailsGivesNoNewVersion() {
        Employee ada = Employee.first(ID, named("Ada"), CREATED);

        assertThat(ada.revised(named(" Ada "), CREATED.plusSeconds(60))).isEmpty();
    }

    @Test
    void revisingWithOtherDetailsGivesTheNextVersionUpdatedNow() {
        Employee ada = Employee.first(ID, named("Ada"), CREATED);
        Instant later = CREATED.plusSeconds(60);

        Employee revised = ada.revised(named("Ada").inactive(), later).orElseThrow();

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.active()).isFalse();
        assertThat(revised.createdAt()).isEqualTo(CREATED);
        assertThat(revised.updatedAt()).isEqualTo(later);
        assertThat(revised.revised(revised.details().renamed("Ada King"), later).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void theUpdateTimeNeverGoesBackwardsWhenAClockIsBehind() {
        Employee ada = Employee.first(ID, named("Ada"), CREATED);

        Employee revised = ada.revised(named("Ada King"), CREATED.minusSeconds(3600)).orElseThrow();

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void versionsStartAtOneAndUpdatesNeverPrecedeCreation() {
        assertThatThrownBy(() -> new Employee(ID, named("Ada"), 0, CREATED, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Employee(ID, named("Ada"), 1, CREATED, CREATED.minusNanos(1000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Employee(ID, named("Ada"), 1, null, CREATED)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void renamingAndDeactivatingKeepEverythingElse() {
        EmployeeDetails details = new EmployeeDetails("Ada", Optional.of("Engineering"), PARIS, true);

        assertThat(details.renamed("Ada King"))
                .isEqualTo(new EmployeeDetails("Ada King", Optional.of("Engineering"), PARIS, true));
        assertThat(details.inactive()).isEqualTo(new EmployeeDetails("Ada", Optional.of("Engineering"), PARIS, false));
        assertThatThrownBy(() -> details.renamed(" ")).isInstanceOf(ValidationFailed.class);
    }
}
