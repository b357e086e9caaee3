package io.attendance.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHashing} promises; run against the fast fake and the argon2 adapter. */
public abstract class PasswordHashingContract {
    private static final Password PASSWORD = Password.chosen("password", "correct horse battery staple");

    /** The hashing under test; cheap parameters are fine, the contract is about behaviour. */
    protected abstract PasswordHashing hashing();

    @Test
    void aHashMatchesThePasswordHashedAndNoOther() {
        PasswordHash hash = hashing().hash(PASSWORD);

        assertThat(hashing().matches(PASSWORD, hash)).isTrue();
        assertThat(hashing().matches(Password.offered("password", "correct horse battery stapl"), hash)).isFalse();
        assertThat(hashing().matches(Password.offered("password", "Correct horse battery staple"), hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferAndBothMatch() {
        PasswordHash first = hashing().hash(PASSWORD);
        PasswordHash second = hashing().hash(PASSWORD);

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(hashing().matches(PASSWORD, first)).isTrue();
        assertThat(hashing().matches(PASSWORD, second)).isTrue();
    }

    @Test
    void theHashTextHoldsNoPassword() {
        PasswordHash hash = hashing().hash(PASSWORD);

        assertThat(hash.encoded()).doesNotContain(PASSWORD.reveal()).doesNotContain("horse");
        assertThat(hash.toString()).doesNotContain(hash.encoded());
    }

    @Test
    void everyCharacterAndTheLongestPasswordAreHashed() {
        Password unicode = Password.chosen("password", "pässwörd ünïcödé 🔑 \u0000 tab\tend");
        Password longest = Password.offered("password", "x".repeat(Password.MAX_LENGTH));
        Password oneShorter = Password.offered("password", "x".repeat(Password.MAX_LENGTH - 1));

        assertThat(hashing().matches(unicode, hashing().hash(unicode))).isTrue();
        assertThat(hashing().matches(Password.chosen("password", "passwörd ünïcödé 🔑 \u0000 tab\tend"),
                hashing().hash(unicode))).isFalse();
        PasswordHash longHash = hashing().hash(longest);
        assertThat(hashing().matches(longest, longHash)).isTrue();
        assertThat(hashing().matches(oneShorter, longHash)).isFalse();
    }

    @Test
    void aHashThatCannotBeReadMatchesNothingAndThrowsNothing() {
        String valid = hashing().hash(PASSWORD).encoded();
        for (String unreadable : new String[] {"x", "not a hash", "$", "$$$$$", valid + "$", valid.substring(0, valid.length() / 2),
                "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
                "fake$!!$!!"}) {
            assertThat(hashing().matches(PASSWORD, new PasswordHash(unreadable))).as(unreadable).isFalse();
        }
    }
}
