package io.attendance.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the HTTP server takes on at once: beyond {@code maxConcurrentRequests} running
 * requests, up to {@code maxQueuedRequests} more wait for their turn (holding no thread), each at most
 * {@code maxQueueWait}; any request beyond the queue, or still waiting at its deadline, is answered 503
 * at once. The probes and {@code /metrics} are never held back.
 */
public record LoadLimits(int maxConcurrentRequests, int maxQueuedRequests, Duration maxQueueWait) {
    /**
     * Twice as many as the default database pool and the two committers can use at once, so that a
     * request arriving while others wait on the pool still finds work going on.
     */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 256;
    /** Long enough for a queue of the default length to drain at a few hundred requests a second. */
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);
    public static final LoadLimits DEFAULT = new LoadLimits(DEFAULT_MAX_CONCURRENT_REQUESTS,
            DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_MAX_QUEUE_WAIT);

    public LoadLimits {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive, was " + maxConcurrentRequests);
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must not be negative, was " + maxQueuedRequests);
        }
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("maxQueueWait must be positive, was " + maxQueueWait);
        }
    }
}
