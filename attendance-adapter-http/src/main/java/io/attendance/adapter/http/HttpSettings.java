package io.attendance.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param port the TCP port, 0 for any free one (see {@link HttpApi#port()})
 * @param maxRequestBytes the largest request body accepted; a larger one is answered 413
 * @param stopTimeout how long {@link HttpApi#close()} lets in-flight requests finish
 */
public record HttpSettings(int port, long maxRequestBytes, Duration stopTimeout) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

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
    }

    public HttpSettings(int port, long maxRequestBytes) {
        this(port, maxRequestBytes, DEFAULT_STOP_TIMEOUT);
    }

    /** The given port with the default body limit (1 MiB) and stop timeout (10 s). */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(port, DEFAULT_MAX_REQUEST_BYTES);
    }
}
