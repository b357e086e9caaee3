package io.attendance.adapter.http;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

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
 * @param v1CredentialsRequired whether the v1 attendance routes need credentials like the v2 ones
 *     (the default); false opens them to clients that send none (bootstrap: {@code ATTENDANCE_V1_AUTH})
 * @param metricsPort a second port serving {@code /metrics} without credentials, for scrapers that
 *     reach it on a private network; empty, the default, serves it only on the API port, to ADMIN
 *     (bootstrap: {@code ATTENDANCE_METRICS_PORT})
 * @param loadLimits how many requests run at once and how many wait, how long, before the rest are
 *     answered 503 (bootstrap: {@code ATTENDANCE_MAX_CONCURRENT_REQUESTS}, {@code ATTENDANCE_MAX_QUEUED_REQUESTS},
 *     {@code ATTENDANCE_MAX_QUEUE_WAIT})
 * @param trustedProxies the peers whose {@code X-Forwarded-For} names the client address that failed
 *     sign-ins are counted by; none, the default, takes every peer for the client
 *     (bootstrap: {@code ATTENDANCE_TRUSTED_PROXIES})
 */
public record HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone,
        Duration bodyTimeout, long bodyBudgetBytes, List<String> corsOrigins, boolean v1CredentialsRequired,
        OptionalInt metricsPort, LoadLimits loadLimits, TrustedProxies trustedProxies) {
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
        Objects.requireNonNull(metricsPort, "metricsPort");
        metricsPort.ifPresent(metrics -> {
            if (metrics < 0 || metrics > 65_535 || metrics == port && port != 0) {
                throw new IllegalArgumentException("metricsPort must be 0 to 65535 and not the API port, was " + metrics);
            }
        });
        Objects.requireNonNull(loadLimits, "loadLimits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * With the default body timeout (10 s) and body budget (a quarter of the heap), without CORS,
     * credentials required on v1 too, metrics on the API port only, the default load limits, no
     * trusted proxy.
     */
    public HttpSettings(int port, long maxRequestBytes, Duration stopTimeout, ZoneId defaultTimezone) {
        this(port, maxRequestBytes, stopTimeout, defaultTimezone, DEFAULT_BODY_TIMEOUT,
                defaultBodyBudget(maxRequestBytes), List.of(), true, OptionalInt.empty(), LoadLimits.DEFAULT,
                TrustedProxies.NONE);
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
        return new HttpSettings(port, maxRequestBytes, stopTimeout, zone, bodyTimeout, bodyBudgetBytes, corsOrigins,
                v1CredentialsRequired, metricsPort, loadLimits, trustedProxies);
    }

    /** These settings with another deadline for reading a request body. */
    public HttpSettings withBodyTimeout(Duration timeout) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, timeout, bodyBudgetBytes, corsOrigins,
                v1CredentialsRequired, metricsPort, loadLimits, trustedProxies);
    }

    /** These settings with another budget for the bodies read at once. */
    public HttpSettings withBodyBudget(long bytes) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bytes, corsOrigins,
                v1CredentialsRequired, metricsPort, loadLimits, trustedProxies);
    }

    /** These settings with browsers' calls allowed from exactly these origins. */
    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes, origins,
                v1CredentialsRequired, metricsPort, loadLimits, trustedProxies);
    }

    /** These settings with the v1 routes open to callers without credentials, or not. */
    public HttpSettings withV1CredentialsRequired(boolean required) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes,
                corsOrigins, required, metricsPort, loadLimits, trustedProxies);
    }

    /** These settings with {@code /metrics} also served, open, on this port (0: any free one). */
    public HttpSettings withMetricsPort(int metrics) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes,
                corsOrigins, v1CredentialsRequired, OptionalInt.of(metrics), loadLimits, trustedProxies);
    }

    /** These settings with other limits to the requests served and queued at once. */
    public HttpSettings withLoadLimits(LoadLimits limits) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes,
                corsOrigins, v1CredentialsRequired, metricsPort, limits, trustedProxies);
    }

    /** These settings with {@code X-Forwarded-For} believed from these proxies. */
    public HttpSettings withTrustedProxies(TrustedProxies proxies) {
        return new HttpSettings(port, maxRequestBytes, stopTimeout, defaultTimezone, bodyTimeout, bodyBudgetBytes,
                corsOrigins, v1CredentialsRequired, metricsPort, loadLimits, proxies);
    }
}
