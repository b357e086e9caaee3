package io.attendance.adapter.http;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param port the TCP port, 0 for any free one (see {@link HttpApi#port()})
 * @param maxRequestBytes the largest request body accepted; a larger one is answered 413
 * @param stopTimeout how long {@link HttpApi#close()} lets in-flight requests finish
 * @param defaultTimezone the zone of an employee created through {@code PUT /api/v2/employees/{id}}
 *     without a {@code timezone} (bootstrap: {@code ATTENDANCE_DEFAULT_TIMEZONE}, else UTC)
 * @param bodyTimeout how long a request body may take to arrive once its handler starts reading
 *     it; a slower one is answered 408 and its connection closed
 * @param bodyBudgetBytes how many bytes all request bodies being read at once may buffer together;
 *     a body that finds the budget spent is answered 503. At least {@code maxRequestBytes}, so that
 *     a body of the largest size can always be read when nothing else is.
 * @param corsOrigins the exact origins ({@code https://app.example.com}) whose pages may call the API
 *     from a browser; none, the default, keeps CORS off (bootstrap: {@code ATTENDANCE_CORS_ORIGINS})
 */
public record HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone,
        Duration bodyTimeout, long bodyBudgetBytes, List<String> corsOrigins) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");
    /** Ample for 1 MiB on a slow mobile link (about 1 Mbit/s), short enough to free a thread soon. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxRequestBytes);
        }
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative, was " + stopTimeout);
        }
        Objects.requireNonNull(defaultTimezone, "defaultTimezone");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive, was " + bodyTimeout);
        }
        if (bodyBudgetBytes < maxRequestBytes) {
            throw new IllegalArgumentException("bodyBudgetBytes must be at least maxRequestBytes (" + maxRequestBytes
                    + "), was " + bodyBudgetBytes);
        }
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** With the default body timeout (10 s) and body budget (a quarter of the heap), without CORS. */
    public HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone) {
        this(port, maxRequestBytes, stopTimeout, defaultTimezone, DEFAULT_BODY_TIMEOUT,
                defaultBodyBudget(maxRequestBytes), List.of());
    }

    /** With the default time zone (UTC), body timeout and body budget. */
    public HttpSettings(int port, long maxRequestBytes, Duration stopTimeout) {
        this(port, maxRequestBytes, stopTimeout, DEFAULT_TIMEZONE);
    }

    /** With the default stop timeout (10 s), time zone (UTC), body timeout and body budget. */
    public HttpSettings(int port, long maxRequestBytes) {
        this(port, maxRequestBytes, DEFAULT_STOP_TIMEOUT);
    }

    /** The given port with the default body limit (1 MiB) and every other default. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(port, DEFAULT_MAX_REQUEST_BYTES);
    }

    /**
     * A quarter of the heap: a body read is then parsed into objects that take a few times its
     * bytes, and the rest of the service needs the remainder. Under the {@code -Xmx256m} the
     * README advises for production that is 64 MiB, 64 bodies of the largest default size at once.
     */
    static long defaultBodyBudget(long maxRequestBytes) {
        return Math.max(maxRequestBytes, Runtime.getRuntime().maxMemory() / 4);
    }

    /** These settings with another default time zone for new employees. */
    public HttpSettings withDefaultTimezone(ZoneId zone) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, zone, bodyTimeout, bodyBudgetBytes, corsOrigins);
    }

    /** These settings with another deadline for reading a request body. */
    public HttpSettings withBodyTimeout(Duration timeout) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, timeout, bodyBudgetBytes, corsOrigins);
    }

    /** These settings with another budget for the bodies read at once. */
    public HttpSettings withBodyBudget(long bytes) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bytes, corsOrigins);
    }

    /** These settings with browsers' calls allowed from exactly these origins. */
    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes, origins);
    }
}
