package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EmployeeQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private static Employee employee(String name, String department, boolean active) {
        return Employee.first(new EmployeeId("E-1"),
                new EmployeeDetails(name, Optional.ofNullable(department), ZoneId.of("UTC"), active), NOW);
    }

    private static EmployeeQuery where(String department, Boolean active, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.ofNullable(active), Optional.ofNullable(namePrefix));
    }

    @Test
    void everyoneMatchesTheEmptyQuery() {
        assertThat(EmployeeQuery.EVERYONE.matches(employee("Ada", null, false))).isTrue();
        assertThat(EmployeeQuery.EVERYONE).isEqualTo(where(" ", null, ""));
    }

    @Test
    void eachFilterNarrowsTheMatches() {
        Employee ada = employee("Ada Lovelace", "Ops", true);

        assertThat(where("Ops", null, null).matches(ada)).isTrue();
        assertThat(where("ops", null, null).matches(ada)).as("departments match exactly").isFalse();
        assertThat(where("Op", null, null).matches(ada)).isFalse();
        assertThat(where("Ops", null, null).matches(employee("Bob", null, true))).isFalse();
        assertThat(where(null, true, null).matches(ada)).isTrue();
        assertThat(where(null, false, null).matches(ada)).isFalse();
        assertThat(where(null, null, "ADA L").matches(ada)).as("names match ignoring case").isTrue();
        assertThat(where(null, null, "Lovelace").matches(ada)).as("only the start of the name").isFalse();
        assertThat(where("Ops", true, "ada").matches(ada)).isTrue();
        assertThat(where("Ops", false, "ada").matches(ada)).isFalse();
    }

    @Test
    void filtersFollowTheRulesOfTheFieldsTheyFilter() {
        assertThat(where(" Ops ", null, " ada ").department()).contains("Ops");
        assertThat(where(" Ops ", null, " ada ").namePrefix()).contains("ada");
        assertThatThrownBy(() -> where("d".repeat(101), null, null)).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("department");
        assertThatThrownBy(() -> where(null, null, "q".repeat(201))).isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("q");
    }

    @Test
    void theCanonicalFormIsStable() {
        assertThat(where("Ops", true, "ada").canonical()).isEqualTo("department=Ops&active=true&q=ada");
        assertThat(where(" Ops ", true, "ada ").canonical()).isEqualTo(where("Ops", true, "ada").canonical());
        assertThat(EmployeeQuery.EVERYONE.canonical()).isEqualTo("department=&active=&q=");
    }

    @Test
    void aFilterCannotPassItselfOffAsAnother() {
        assertThat(where("x&active=&q=y", null, null).canonical()).isNotEqualTo(where("x", null, "y&active=&q=").canonical());
        assertThat(where("x&active=true", null, null).canonical()).isNotEqualTo(where("x", true, null).canonical());
    }

    @Provide
    Arbitrary<EmployeeQuery> queries() {
        Arbitrary<Optional<String>> texts = Arbitraries.strings().withChars("ab&=%+ ").ofMinLength(1).ofMaxLength(6).optional(0.6);
        Arbitrary<Optional<Boolean>> actives = Arbitraries.of(true, false).optional(0.5);
        return Combinators.combine(texts, actives, texts).as(EmployeeQuery::new);
    }

    @Property
    void equalQueriesAndOnlyEqualQueriesShareACanonicalForm(@ForAll("queries") EmployeeQuery one,
            @ForAll("queries") EmployeeQuery other) {
        assertThat(one.canonical().equals(other.canonical())).isEqualTo(one.equals(other));
    }
}
