package io.attendance.adapter.argon2;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.port.PasswordHashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@link PasswordHashing} with argon2id (Bouncy Castle), written in the PHC string format the
 * reference implementation writes: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in base64 without padding. A new hash has a 16-byte random salt and 32 bytes of hash;
 * the defaults are OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane).
 *
 * <p>A stored hash is checked with the parameters it names, so they can be raised later without
 * invalidating earlier hashes. A stored text that is not argon2id version 19, or whose parameters
 * are beyond {@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS} or {@link #MAX_PARALLELISM} (a
 * tampered row must not exhaust memory or time), matches nothing; the check then still runs one
 * hash with this instance's parameters, so it takes about as long as any other.
 *
 * <p>Each hash holds its memory cost for its whole run, and sign-in is open to anyone: so only a
 * few hashes run at once (by default as many as there are processors, which is also all the CPU
 * they can use), and one that cannot start within {@link #DEFAULT_MAX_WAIT} fails as
 * {@link Unavailable} rather than queue without end. Concurrent sign-ins can then never take more
 * than {@code concurrency × memory} of the heap.
 */
public final class Argon2PasswordHashing implements PasswordHashing {
    /** OWASP's minimum for argon2id: 19 MiB. */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    /** 1 GiB: a stored hash asking for more matches nothing. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 16;

    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_STORED_BYTES = 8;
    private static final int MAX_STORED_BYTES = 64;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,8}),t=([0-9]{1,3}),p=([0-9]{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a hash may wait for one of the running ones to finish. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private final Cost cost;
    private final Semaphore running;
    private final Duration maxWait;
    private final Consumer<Cost> hashStarting;

    /** OWASP's minimum parameters. */
    public Argon2PasswordHashing() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** With as many hashes at once as there are processors, each waiting at most {@link #DEFAULT_MAX_WAIT}. */
    public Argon2PasswordHashing(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_WAIT);
    }

    /**
     * @param concurrency how many hashes may run at once; others wait up to {@code maxWait}
     * @throws IllegalArgumentException when a parameter is below argon2's minimum or above this
     *                                  class's maximum
     */
    public Argon2PasswordHashing(int memoryKiB, int iterations, int parallelism, int concurrency, Duration maxWait) {
        this(memoryKiB, iterations, parallelism, concurrency, maxWait, started -> { });
    }

    /**
     * @param hashStarting told the parameters of each hash as it starts, holding its place among
     *                     those running: how tests count the work a check does and hold a hash running
     */
    Argon2PasswordHashing(int memoryKiB, int iterations, int parallelism, int concurrency, Duration maxWait,
            Consumer<Cost> hashStarting) {
        this.hashStarting = Objects.requireNonNull(hashStarting, "hashStarting");
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run, was " + concurrency);
        }
        this.running = new Semaphore(concurrency, true);
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.cost = Cost.of(memoryKiB, iterations, parallelism)
                .orElseThrow(() -> new IllegalArgumentException("argon2id parameters out of range: m=" + memoryKiB
                        + " KiB (at least 8 per lane, at most " + MAX_MEMORY_KIB + "), t=" + iterations
                        + " (1 to " + MAX_ITERATIONS + "), p=" + parallelism + " (1 to " + MAX_PARALLELISM + ")"));
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2id(password, salt, cost, HASH_BYTES);
        return new PasswordHash("$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        Objects.requireNonNull(password, "password");
        Optional<Stored> stored = Stored.read(hash.encoded());
        if (stored.isEmpty()) {
            // as slow as a real check, so the answer's timing does not tell a readable hash from another
            argon2id(password, new byte[SALT_BYTES], cost, HASH_BYTES);
            return false;
        }
        Stored known = stored.get();
        byte[] computed = argon2id(password, known.salt(), known.cost(), known.hash().length);
        return MessageDigest.isEqual(computed, known.hash());
    }

    /** @throws Unavailable when no hash finished within the wait: the service is saturated with them */
    private byte[] argon2id(Password password, byte[] salt, Cost cost, int length) {
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw Unavailable.withPublicReason("too many password checks at once; retry shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Unavailable.withPublicReason("interrupted while waiting to check a password", e);
        }
        try {
            hashStarting.accept(cost);
            return generate(password, salt, cost, length);
        } finally {
            running.release();
        }
    }

    private static byte[] generate(Password password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] secret = password.reveal().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Argon2PasswordHashing[m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "]";
    }

    /** Argon2id's three cost parameters, within argon2's minimums and this class's maximums. */
    record Cost(int memoryKiB, int iterations, int parallelism) {
        static Optional<Cost> of(long memoryKiB, long iterations, long parallelism) {
            boolean valid = parallelism >= 1 && parallelism <= MAX_PARALLELISM
                    && iterations >= 1 && iterations <= MAX_ITERATIONS
                    && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
            return valid ? Optional.of(new Cost((int) memoryKiB, (int) iterations, (int) parallelism)) : Optional.empty();
        }
    }

    /** A stored PHC string this class can check. */
    private record Stored(Cost cost, byte[] salt, byte[] hash) {
        static Optional<Stored> read(String encoded) {
            Matcher phc = PHC.matcher(encoded);
            if (!phc.matches()) {
                return Optional.empty();
            }
            Optional<Cost> cost = Cost.of(Long.parseLong(phc.group(1)), Long.parseLong(phc.group(2)),
                    Long.parseLong(phc.group(3)));
            Optional<byte[]> salt = bytes(phc.group(4));
            Optional<byte[]> hash = bytes(phc.group(5));
            if (cost.isEmpty() || salt.isEmpty() || hash.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(cost.get(), salt.get(), hash.get()));
        }

        private static Optional<byte[]> bytes(String base64) {
            try {
                byte[] bytes = Base64.getDecoder().decode(base64);
                boolean canonical = ENCODER.encodeToString(bytes).equals(base64);
                return canonical && bytes.length >= MIN_STORED_BYTES && bytes.length <= MAX_STORED_BYTES
                        ? Optional.of(bytes) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }
}
