package io.attendance.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits at most {@link LoadLimits#maxConcurrentRequests()} requests at once, in front of every route
 * except the probes and {@code /metrics}. Jetty's {@link QoSHandler} does the holding: a request beyond
 * the limit is suspended without a thread until one ends, at most {@link LoadLimits#maxQueueWait()},
 * and at most {@link LoadLimits#maxQueuedRequests()} are suspended at once. One that finds the queue
 * full, or is still waiting at its deadline, is answered 503 in the shape of its path (by
 * {@link ErrorResponses}, Jetty's error handler) with {@code Retry-After}. Without this, requests
 * beyond what the pools serve wait in Jetty's unbounded job queue, each holding its connection, its
 * buffers and soon a body, until the heap runs out.
 *
 * <p>{@code Retry-After} is in whole seconds (RFC 9110 allows no fraction), rounded up from the queue
 * wait: by then every request queued now has been served or refused, so a retry meets a queue renewed.
 * {@code Retry-After-Ms} carries the same wait in milliseconds for clients that can wait less than a
 * second.
 */
final class LoadShedding extends QoSHandler {
    static final String RETRY_AFTER_MS = "Retry-After-Ms";
    /** Counts the requests answered 503 here, tagged with the reason: {@code queue-full} or {@code deadline}. */
    static final String SHED_COUNTER = "http.server.requests.shed";
    /** Shedding that resumes after this much quiet is a new burst, and logged again. */
    static final Duration QUIET_BETWEEN_BURSTS = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LoadShedding.class);

    private final LoadLimits limits;
    private final String retryAfterSeconds;
    private final String retryAfterMillis;
    private final Counter queueFull;
    private final Counter deadline;
    private final AtomicLong lastShed = new AtomicLong(System.nanoTime() - QUIET_BETWEEN_BURSTS.toNanos() - 1);
    private final AtomicLong shedInBurst = new AtomicLong();

    LoadShedding(LoadLimits limits, MeterRegistry registry, String... unlimitedPaths) {
        this.limits = limits;
        long waitMillis = limits.maxQueueWait().toMillis();
        this.retryAfterSeconds = Long.toString(Math.max(1, (waitMillis + 999) / 1000));
        this.retryAfterMillis = Long.toString(Math.max(1, waitMillis));
        this.queueFull = shedCounter(registry, "queue-full");
        this.deadline = shedCounter(registry, "deadline");
        setMaxRequestCount(limits.maxConcurrentRequests());
        setMaxSuspendedRequestCount(limits.maxQueuedRequests());
        setMaxSuspend(limits.maxQueueWait());
        excludePath(unlimitedPaths);
    }

    private static Counter shedCounter(MeterRegistry registry, String reason) {
        return Counter.builder(SHED_COUNTER).tag("reason", reason)
                .description("requests answered 503 because the server had reached its load limits")
                .register(registry);
    }

    /** A request that found the queue full. */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        shed(queueFull, response);
        super.reject(request, response, callback, status);
    }

    /** A request still queued at its deadline. */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        shed(deadline, response);
        super.failSuspended(request, response, callback, status, failure);
    }

    private void shed(Counter reason, Response response) {
        reason.increment();
        response.getHeaders().put("Retry-After", retryAfterSeconds);
        response.getHeaders().put(RETRY_AFTER_MS, retryAfterMillis);
        long now = System.nanoTime();
        if (now - lastShed.getAndSet(now) > QUIET_BETWEEN_BURSTS.toNanos()) {
            long before = shedInBurst.getAndSet(1);
            // once per burst and without a stack trace: under overload a line per request would add to it
            LOG.warn("Overloaded: answering 503 to requests beyond {} running and {} queued, or queued longer than {} ms"
                    + " (counted in {}; logged again after {} s without shedding; {} shed in the burst before)",
                    limits.maxConcurrentRequests(), limits.maxQueuedRequests(), limits.maxQueueWait().toMillis(),
                    SHED_COUNTER, QUIET_BETWEEN_BURSTS.toSeconds(), before);
        } else {
            shedInBurst.incrementAndGet();
        }
    }
}
