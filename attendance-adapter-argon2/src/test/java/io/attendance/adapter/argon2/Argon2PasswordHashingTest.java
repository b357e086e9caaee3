package io.attendance.adapter.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHashingTest {
    private static final Password PASSWORD = Password.offered("password", "password");
    private static final Argon2PasswordHashing.Cost DEFAULT_COST = new Argon2PasswordHashing.Cost(
            Argon2PasswordHashing.DEFAULT_MEMORY_KIB, Argon2PasswordHashing.DEFAULT_ITERATIONS,
            Argon2PasswordHashing.DEFAULT_PARALLELISM);
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

    /**
     * Each asks for more than the maximum (or less than argon2's minimum): refused before any memory
     * is taken, and checked with one hash of the checker's own parameters, as any other check is.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=1048577,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=17,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=2,p=17$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=15,t=2,p=2$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
            "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"})
    void absurdStoredParametersMatchNothingAndCostOneHashWithTheCheckersOwnParameters(String tampered) {
        List<Argon2PasswordHashing.Cost> hashes = new CopyOnWriteArrayList<>();

        assertThat(counting(hashes).matches(PASSWORD, new PasswordHash(tampered))).isFalse();

        assertThat(hashes).containsExactly(DEFAULT_COST);
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

    /**
     * What an unknown user's sign-in checks (a text that is no hash of this class's) costs the same
     * work as a wrong password: one hash with the parameters a hash made here has. Counted, not timed.
     */
    @Test
    void anUnreadableHashCostsOneHashWithTheParametersOfAReadableOne() {
        List<Argon2PasswordHashing.Cost> hashes = new CopyOnWriteArrayList<>();
        Argon2PasswordHashing hashing = counting(hashes);
        PasswordHash readable = hashing.hash(PASSWORD);
        hashes.clear();

        assertThat(hashing.matches(Password.offered("password", "wrong"), readable)).isFalse();
        assertThat(hashing.matches(PASSWORD, new PasswordHash("not a hash"))).isFalse();

        assertThat(hashes).containsExactly(DEFAULT_COST, DEFAULT_COST);
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Argon2PasswordHashing(Argon2PasswordHashing.MAX_MEMORY_KIB + 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHashing(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The first hash is held inside its place until released, so the second finds none free however fast either runs. */
    @Test
    void onlyAsManyHashesRunAtOnceAsAllowedAndAHashThatCannotStartInTimeIsRefused() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        // one at a time, each waiting at most 50 ms for its place
        Argon2PasswordHashing oneAtATime = new Argon2PasswordHashing(64, 1, 1, 1, Duration.ofMillis(50), cost -> {
            if (started.incrementAndGet() == 1) {
                firstRunning.countDown();
                awaitQuietly(releaseFirst);
            }
        });
        CompletableFuture<PasswordHash> first = CompletableFuture.supplyAsync(() -> oneAtATime.hash(PASSWORD));
        assertThat(firstRunning.await(30, TimeUnit.SECONDS)).as("the first hash running").isTrue();

        assertThatThrownBy(() -> oneAtATime.hash(PASSWORD))
                .isInstanceOfSatisfying(Unavailable.class, refused -> assertThat(refused.publicReason()).isPresent());
        assertThat(started).as("the refused hash never started").hasValue(1);

        releaseFirst.countDown();
        assertThat(oneAtATime.matches(PASSWORD, first.get(30, TimeUnit.SECONDS))).as("free again after it").isTrue();
    }

    /** The default parameters, telling {@code hashes} the parameters of every hash it runs. */
    private static Argon2PasswordHashing counting(List<Argon2PasswordHashing.Cost> hashes) {
        return new Argon2PasswordHashing(Argon2PasswordHashing.DEFAULT_MEMORY_KIB, Argon2PasswordHashing.DEFAULT_ITERATIONS,
                Argon2PasswordHashing.DEFAULT_PARALLELISM, 1, Argon2PasswordHashing.DEFAULT_MAX_WAIT, hashes::add);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
