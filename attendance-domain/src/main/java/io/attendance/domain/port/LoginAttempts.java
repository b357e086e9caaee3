package io.attendance.domain.port;

import io.attendance.domain.model.Username;
import java.time.Duration;

/**
 * Counts sign-in attempts that have not succeeded, per username and per client address, in windows
 * shared by every instance. Throws {@link io.attendance.domain.error.Unavailable} when the counts
 * cannot be reached.
 */
public interface LoginAttempts {

    /**
     * Counts one more attempt for the name and for the address, before the password is checked
     * (so concurrent guesses cannot all pass a check made before any of them is counted), and
     * answers both counts. A count starts a {@code window} with its first attempt and is forgotten
     * when the window ends.
     */
    Tally attempt(Username username, String address, Duration window);

    /** The attempt succeeded: it counts for neither, and the name starts afresh. */
    void succeeded(Username username, String address);

    /** The unsuccessful attempts within the current windows, and when each window ends. */
    record Tally(int ofUsername, Duration usernameWindowLeft, int fromAddress, Duration addressWindowLeft) {
    }
}
