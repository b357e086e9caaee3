package io.attendance.adapter.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHashingTest {
    private static final Password PASSWORD = Password.offered("password", "password");
    private final Argon2PasswordHashing defaults = new Argon2PasswordHashing();

    /** Written by the reference implementation's CLI: {@code echo -n password | argon2 somesalt -id -t 2 -k 19456 -p 1 -l 32 -e}. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=4096,t=3,p=2$c29tZXNhbHQ$LpPABDeb1KgKypkPHbjfNPxMj3dnGUCphtUM0xpkh/U"})
    void hashesOfTheReferenceImplementationMatchWithTheParametersTheyName(String reference) {
        assertThat(defaults.matches(PASSWORD, new PasswordHash(reference))).isTrue();
        assertThat(defaults.matches(Password.offered("password", "passwore"), new PasswordHash(reference))).isFalse();
    }

    /** {@code echo -n 'pässwörd' | argon2 saltysaltysalty! -id -t 1 -k 64 -p 1 -l 16 -e}: UTF-8, a 16-byte hash. */
    @Test
    void aPasswordIsHashedAsItsUtf8() {
        PasswordHash reference = new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdHlzYWx0eXNhbHR5IQ$aPKpo9ubg74yGYia7diwhA");

        assertThat(defaults.matches(Password.offered("password", "pässwörd"), reference)).isTrue();
        assertThat(defaults.matches(Password.offered("password", "passwörd"), reference)).isFalse();
    }

    @Test
    void aNewHashIsArgon2idWithOwaspsMinimumA16ByteSaltAndA32ByteHash() {
        String encoded = defaults.hash(PASSWORD).encoded();

        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(new Argon2PasswordHashing(64, 3, 2).hash(PASSWORD).encoded()).startsWith("$argon2id$v=19$m=64,t=3,p=2$");
    }

    @Test
    void aHashMadeWithOtherParametersIsCheckedWithItsOwn() {
        PasswordHash cheap = new Argon2PasswordHashing(64, 1, 1).hash(PASSWORD);

        assertThat(defaults.matches(PASSWORD, cheap)).isTrue();
        assertThat(new Argon2PasswordHashing(128, 3, 2).matches(PASSWORD, defaults.hash(PASSWORD))).isTrue();
    }

    /**
     * The reference implementation's argon2i and argon2d of the same password, version 16, padding, PHC
     * options, a 4-byte salt, and base64 with stray low bits (the salt's last digit R for Q): none is read.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2i$v=19$m=64,t=2,p=1$c29tZXNhbHQ$mJ2mVFjovhRArlVdCzyKw6ZYTg0ikLncyRWminHkHB4",
            "$argon2d$v=19$m=64,t=2,p=1$c29tZXNhbHQ$+SDZVThkhGWr7rpq4G6lMu0m3zFK/2AVAjfY/hFvYs0",
            "$argon2id$v=16$m=64,t=2,p=1$c29tZXNhbHQ$+SDZVThkhGWr7rpq4G6lMu0m3zFK/2AVAjfY/hFvYs0",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ=$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=2,p=1,keyid=x$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHR$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"})
    void otherAlgorithmsVersionsAndShapesMatchNothing(String other) {
        assertThat(defaults.matches(PASSWORD, new PasswordHash(other))).isFalse();
    }

    /** Each asks for more than the maximum (or less than argon2's minimum): refused before any memory is taken. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=1048577,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=17,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=2,p=17$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=15,t=2,p=2$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"})
    void absurdStoredParametersMatchNothingAndCostNoMoreThanAnOrdinaryCheck(String tampered) {
        long start = System.nanoTime();

        assertThat(defaults.matches(PASSWORD, new PasswordHash(tampered))).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** Hashes that are genuine, made here with Bouncy Castle, but whose parameters are out of range. */
    @Test
    void genuineHashesWithParametersOutOfRangeMatchNothing() {
        byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
        assertThat(defaults.matches(PASSWORD, genuine(64, 1, 1, salt))).as("the helper makes genuine hashes").isTrue();

        assertThat(defaults.matches(PASSWORD, genuine(64, Argon2PasswordHashing.MAX_ITERATIONS + 1, 1, salt))).isFalse();
        assertThat(defaults.matches(PASSWORD, genuine(8 * 17, 1, Argon2PasswordHashing.MAX_PARALLELISM + 1, salt))).isFalse();
        assertThat(defaults.matches(PASSWORD, genuine(64, 1, 1, "some".getBytes(StandardCharsets.US_ASCII))))
                .as("a salt under 8 bytes").isFalse();
    }

    private static PasswordHash genuine(int memoryKiB, int iterations, int parallelism, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(PASSWORD.reveal().getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash));
    }

    @Test
    void anUnreadableHashTakesAboutAsLongAsAReadableOne() {
        PasswordHash readable = defaults.hash(PASSWORD);
        PasswordHash unreadable = new PasswordHash("not a hash");
        defaults.matches(PASSWORD, readable);

        long readableNanos = medianNanos(() -> defaults.matches(PASSWORD, readable));
        long unreadableNanos = medianNanos(() -> defaults.matches(PASSWORD, unreadable));

        assertThat(unreadableNanos).as("unreadable %s ns, readable %s ns", unreadableNanos, readableNanos)
                .isGreaterThan(readableNanos / 3);
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Argon2PasswordHashing(Argon2PasswordHashing.MAX_MEMORY_KIB + 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long medianNanos(Runnable check) {
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            check.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2];
    }

    @Test
    void onlyAsManyHashesRunAtOnceAsAllowedAndAHashThatCannotStartInTimeIsRefused() throws Exception {
        // one at a time, a wait of 50 ms, and a first hash that takes far longer (64 MiB, 8 passes)
        Argon2PasswordHashing oneAtATime = new Argon2PasswordHashing(64 * 1024, 8, 1, 1, Duration.ofMillis(50));
        CompletableFuture<PasswordHash> first = CompletableFuture.supplyAsync(() -> oneAtATime.hash(PASSWORD));
        Thread.sleep(200); // the first has started: it runs for about a second

        assertThatThrownBy(() -> oneAtATime.hash(PASSWORD))
                .isInstanceOfSatisfying(Unavailable.class, refused -> assertThat(refused.publicReason()).isPresent());
        assertThat(oneAtATime.matches(PASSWORD, first.get(30, TimeUnit.SECONDS))).as("free again after it").isTrue();
    }
}
