package io.attendance.application;

import io.attendance.application.access.SignInPolicy;
import io.attendance.application.reading.CursorCodec;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the use cases take from the deployment rather than from a request.
 *
 * @param clock             "now" for versions, audit events and the booking window
 * @param defaultTimezone   the zone of employees created without one (v1 never sends one)
 * @param cursors           signs page cursors; instances behind one address share its key
 * @param maxCachedListSize the v1 full listing is cached only up to this many records
 * @param signIn            how long a sign-in lasts, how soon a revocation reaches every instance, how many failures are allowed
 */
public record UseCaseSettings(Clock clock, ZoneId defaultTimezone, CursorCodec cursors, int maxCachedListSize,
        SignInPolicy signIn) {
    public UseCaseSettings {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(defaultTimezone, "defaultTimezone");
        Objects.requireNonNull(cursors, "cursors");
        if (maxCachedListSize < 0) {
            throw new IllegalArgumentException("maxCachedListSize must not be negative, was " + maxCachedListSize);
        }
    }
}
