package io.attendance.application.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.PreconditionFailed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PreconditionTest {
    private static final Optional<Long> NOTHING_STORED = Optional.empty();

    @Test
    void noPreconditionAcceptsAnything() {
        assertThatCode(() -> Precondition.NONE.check(NOTHING_STORED)).doesNotThrowAnyException();
        assertThatCode(() -> Precondition.NONE.check(Optional.of(7L))).doesNotThrowAnyException();
        assertThat(Precondition.NONE.pinsAVersion()).isFalse();
    }

    @Test
    void ifMatchAcceptsOnlyTheVersionItNames() {
        Precondition ifMatch2 = Precondition.ifMatch(2);

        assertThatCode(() -> ifMatch2.check(Optional.of(2L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ifMatch2.check(Optional.of(3L))).isInstanceOf(PreconditionFailed.class)
                .hasMessage("the stored version is not \"2\"");
        assertThatThrownBy(() -> ifMatch2.check(Optional.of(1L))).isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> ifMatch2.check(NOTHING_STORED)).isInstanceOf(PreconditionFailed.class);
        assertThat(ifMatch2.pinsAVersion()).isTrue();
    }

    @Test
    void ifMatchAnyNeedsSomethingStored() {
        assertThatCode(() -> Precondition.ifMatchAny().check(Optional.of(5L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Precondition.ifMatchAny().check(NOTHING_STORED)).isInstanceOf(PreconditionFailed.class);
        assertThat(Precondition.ifMatchAny().pinsAVersion()).isFalse();
    }

    @Test
    void ifNoneMatchAnyNeedsNothingStored() {
        assertThatCode(() -> Precondition.ifNoneMatchAny().check(NOTHING_STORED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Precondition.ifNoneMatchAny().check(Optional.of(1L))).isInstanceOf(PreconditionFailed.class);
        assertThat(Precondition.ifNoneMatchAny().mustNotExist()).isTrue();
        assertThat(Precondition.ifNoneMatchAny().pinsAVersion()).isFalse();
    }

    @Test
    void aListOfVersionsAcceptsAnyOfThemAndPinsTheOneStored() {
        Precondition oneOf = Precondition.ifMatchOneOf(List.of(1L, 3L));

        assertThatCode(() -> oneOf.check(Optional.of(1L))).doesNotThrowAnyException();
        assertThatCode(() -> oneOf.check(Optional.of(3L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> oneOf.check(Optional.of(2L))).isInstanceOf(PreconditionFailed.class)
                .hasMessage("the stored version is none of \"1\", \"3\"");
        assertThatThrownBy(() -> oneOf.check(NOTHING_STORED)).isInstanceOf(PreconditionFailed.class)
                .hasMessage("it does not exist");
        assertThat(oneOf.pinsAVersion()).isTrue();
    }

    @Test
    void anEmptyListOfVersionsFailsWhateverIsStored() {
        Precondition noneCanMatch = Precondition.ifMatchOneOf(List.of());

        assertThatThrownBy(() -> noneCanMatch.check(Optional.of(1L))).isInstanceOf(PreconditionFailed.class)
                .hasMessageContaining("weak");
        assertThatThrownBy(() -> noneCanMatch.check(NOTHING_STORED)).isInstanceOf(PreconditionFailed.class)
                .hasMessage("it does not exist");
        assertThat(noneCanMatch.pinsAVersion()).isTrue();
    }

    @Test
    void noRefusalNamesTheStoredVersion() {
        assertThatThrownBy(() -> Precondition.ifNoneMatchAny().check(Optional.of(7L))).hasMessage("it exists already");
        assertThatThrownBy(() -> Precondition.ifMatch(2).check(Optional.of(7L))).message().doesNotContain("7");
        assertThatThrownBy(() -> Precondition.ifMatchOneOf(List.of(1L, 3L)).check(Optional.of(7L))).message()
                .doesNotContain("7");
    }

    @Test
    void onlyAnIfMatchListNamesVersions() {
        assertThatThrownBy(() -> new Precondition(Precondition.Kind.ABSENT, new TreeSet<>(Set.of(1L))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Precondition(Precondition.Kind.EXISTS, new TreeSet<>(Set.of(1L))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
