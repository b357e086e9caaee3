package io.attendance.domain.port;

import io.attendance.domain.model.Username;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts password checks that have not succeeded, shared by every instance, against three limits at
 * once: per username from one client address, per client address, and per username over every
 * address. Wrong guesses from one address thus never lock the name for another address, while a
 * guess spread over many addresses still meets the per-username ceiling. Throws
 * {@link io.attendance.domain.error.Unavailable} when the counts cannot be reached.
 */
public interface LoginAttempts {

    /**
     * Admits one more attempt and counts it against every limit, unless one of them is used up: then
     * nothing is counted, so refused attempts never lengthen anyone's wait. Admitted before the
     * password is checked, so concurrent guesses cannot all pass a limit none of them has reached
     * yet. A count starts its {@code window} with its first attempt and is forgotten when it ends.
     *
     * @return empty when admitted; else how long until the window of the limit that refused it ends
     *     (of the latest, when several did)
     */
    Optional<Duration> admit(Username username, String address, Limits limits);

    /**
     * The admitted attempt succeeded: it counts against no limit, and the name starts afresh from
     * that address.
     */
    void succeeded(Username username, String address);

    /**
     * How many unsuccessful attempts each count admits within one {@code window}.
     *
     * @param perUsernameAndAddress for one username from one client address
     * @param perAddress            from one client address, for any usernames
     * @param perUsername           for one username, from any addresses
     */
    record Limits(int perUsernameAndAddress, int perAddress, int perUsername, Duration window) {
        public static final Limits DEFAULT = new Limits(5, 20, 100, Duration.ofMinutes(15));

        public Limits {
            Objects.requireNonNull(window, "window");
            if (perUsernameAndAddress < 1 || perAddress < 1 || perUsername < 1) {
                throw new IllegalArgumentException("every limit admits at least one attempt");
            }
            if (window.toMillis() < 1) {
                throw new IllegalArgumentException("a window lasts at least 1 ms, was " + window);
            }
        }

        /** These limits with another per-username ceiling. */
        public Limits withPerUsername(int attempts) {
            return new Limits(perUsernameAndAddress, perAddress, attempts, window);
        }
    }
}
