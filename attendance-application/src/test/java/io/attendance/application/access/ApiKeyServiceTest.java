package io.attendance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.application.InMemoryApplication;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Username;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    private static final Username ROOT = new Username("root");
    private static final Username ERIN = new Username("erin");
    private static final Grant DEVICE = new Grant(Set.of(Role.DEVICE), Optional.empty());

    private final InMemoryApplication app = new InMemoryApplication();
    private final ApiKeyService keys = app.useCases.apiKeys();

    ApiKeyServiceTest() {
        app.useCases.users().createFirstAdministrator(ROOT, Password.chosen("p", "the first administrator"));
        app.useCases.users().create(new CreateUserCommand(ERIN, Password.chosen("p", "erin's own password"),
                new Grant(Set.of(Role.ADMIN), Optional.empty())));
    }

    private static Principal signedIn(Username username) {
        return Principal.of(username, new Grant(Set.of(Role.ADMIN), Optional.empty()));
    }

    @Test
    void aKeyActsWithItsOwnRightsAndIsStoredOnlyAsADigest() {
        IssuedApiKey issued = keys.issue(new IssueApiKeyCommand("time clock, door 3", DEVICE), signedIn(ERIN));

        Principal device = keys.principalOf(issued.secret().reveal());
        assertThat(device.kind()).isEqualTo(Principal.Kind.API_KEY);
        assertThat(device.roles()).containsExactly(Role.DEVICE);
        assertThat(device.actor()).isEqualTo("api-key:" + issued.key().id());
        assertThat(Base64.getUrlDecoder().decode(issued.secret().reveal())).hasSize(32);
        assertThat(app.apiKeys.digests()).containsExactly(issued.secret().digest());
        assertThat(keys.list()).extracting(ApiKey::name).containsExactly("time clock, door 3");
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        IssuedApiKey issued = keys.issue(new IssueApiKeyCommand("payroll sync", DEVICE), signedIn(ERIN));
        keys.revoke(issued.key().id());

        assertThatThrownBy(() -> keys.principalOf(issued.secret().reveal())).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> keys.revoke(issued.key().id())).isInstanceOf(NotFound.class);
        assertThat(keys.list()).singleElement().satisfies(key -> assertThat(key.revokedAt()).isPresent());
    }

    @Test
    void aKeyStopsWithTheUserWhoIssuedIt() {
        IssuedApiKey erins = keys.issue(new IssueApiKeyCommand("erin's clock", DEVICE), signedIn(ERIN));
        IssuedApiKey roots = keys.issue(new IssueApiKeyCommand("root's clock", DEVICE), signedIn(ROOT));

        app.useCases.users().delete(ERIN);

        assertThatThrownBy(() -> keys.principalOf(erins.secret().reveal())).isInstanceOf(Unauthenticated.class);
        assertThat(keys.principalOf(roots.secret().reveal()).roles()).containsExactly(Role.DEVICE);
    }

    @Test
    void onlyASignedInUserIssuesKeys() {
        IssuedApiKey issued = keys.issue(new IssueApiKeyCommand("admin automation",
                new Grant(Set.of(Role.ADMIN), Optional.empty())), signedIn(ERIN));
        Principal key = keys.principalOf(issued.secret().reveal());

        assertThatThrownBy(() -> keys.issue(new IssueApiKeyCommand("a key's key", DEVICE), key))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        for (String key : new String[] {"", "key", "x".repeat(43), "🔑".repeat(20)}) {
            assertThatThrownBy(() -> keys.principalOf(key)).isInstanceOf(Unauthenticated.class);
        }
    }

    @Test
    void aKeyIsReadByItsIdWithoutItsSecretRevokedOrNot() {
        IssuedApiKey clock = keys.issue(new IssueApiKeyCommand("time clock, door 3", DEVICE), signedIn(ERIN));
        IssuedApiKey sync = keys.issue(new IssueApiKeyCommand("payroll sync", DEVICE), signedIn(ERIN));
        keys.revoke(sync.key().id());

        assertThat(keys.get(clock.key().id())).isEqualTo(clock.key());
        assertThat(keys.get(sync.key().id()).revokedAt()).isPresent();
        assertThatThrownBy(() -> keys.get(io.attendance.domain.model.ApiKeyId.generate())).isInstanceOf(NotFound.class);
    }
}
