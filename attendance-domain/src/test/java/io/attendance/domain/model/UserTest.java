package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T09:30:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final PasswordHash OTHER_HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI");
    private static final Grant ADMIN = new Grant(Set.of(Role.ADMIN), Optional.empty());
    private static final Grant MANAGER = new Grant(Set.of(Role.MANAGER), Optional.empty());

    private static User alice(Grant grant) {
        return User.enabled(new Username("alice"), HASH, grant, CREATED);
    }

    @Test
    void aNewUserIsEnabledWithCredentialsNeverChanged() {
        User alice = alice(MANAGER);

        assertThat(alice.enabled()).isTrue();
        assertThat(alice.credentials()).isEqualTo(CredentialsVersion.FIRST);
    }

    @Test
    void disablingMovesTheCredentialsOnAndKeepsEverythingElse() {
        User disabled = alice(MANAGER).disabled(LATER);

        assertThat(disabled).isEqualTo(new User(new Username("alice"), HASH, MANAGER, CREATED, Optional.of(LATER),
                new CredentialsVersion(1, Optional.of(LATER))));
        assertThat(disabled.enabled()).isFalse();
    }

    @Test
    void aNewPasswordMovesTheCredentialsOnAndKeepsEverythingElse() {
        User changed = alice(MANAGER).withPassword(OTHER_HASH, LATER).withPassword(HASH, LATER.plusSeconds(1));

        assertThat(changed).isEqualTo(new User(new Username("alice"), HASH, MANAGER, CREATED, Optional.empty(),
                new CredentialsVersion(2, Optional.of(LATER.plusSeconds(1)))));
    }

    @Test
    void anEnabledAdministratorIsAnEnabledUserWithTheAdminRole() {
        assertThat(alice(ADMIN).enabledAdministrator()).isTrue();
        assertThat(alice(new Grant(Set.of(Role.ADMIN, Role.VIEWER), Optional.empty())).enabledAdministrator()).isTrue();
        assertThat(alice(MANAGER).enabledAdministrator()).isFalse();
        assertThat(alice(ADMIN).disabled(LATER).enabledAdministrator()).isFalse();
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new User(new Username("alice"), HASH, MANAGER, CREATED, Optional.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("credentials");
        assertThatThrownBy(() -> new User(new Username("alice"), HASH, MANAGER, CREATED, null, CredentialsVersion.FIRST))
                .isInstanceOf(NullPointerException.class).hasMessage("disabledAt");
    }
}
