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
 * @param corsOrigins the exact origins ({@code https://app.example.com}) whose pages may call the API
 *     from a browser; none, the default, keeps CORS off (bootstrap: {@code ATTENDANCE_CORS_ORIGINS})
 */
public record HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone,
                           List<String> corsOrigins) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");

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
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Without CORS. */
    public HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone) {
        this(port, maxRequestBytes, stopTimeout, defaultTimezone, List.of());
    }

    /** With the default time zone (UTC) and without CORS. */
    public HttpSettings(int port, long maxRequestBytes, Duration stopTimeout) {
        this(port, maxRequestBytes, stopTimeout, DEFAULT_TIMEZONE);
    }

    /** With the default stop timeout (10 s) and time zone (UTC). */
    public HttpSettings(int port, long maxRequestBytes) {
        this(port, maxRequestBytes, DEFAULT_STOP_TIMEOUT);
    }

    /** The given port with the default body limit (1 MiB), stop timeout (10 s) and time zone (UTC). */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(port, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** These settings with another default time zone for new employees. */
    public HttpSettings withDefaultTimezone(ZoneId zone) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, zone, corsOrigins);
    }

    /** These settings with browsers' calls allowed from exactly these origins. */
    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, origins);
    }
}
