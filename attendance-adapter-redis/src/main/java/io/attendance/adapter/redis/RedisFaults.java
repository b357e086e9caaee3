package io.attendance.adapter.redis;

import io.attendance.domain.error.Unavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * How the cache lives with a Redis that fails. Every fault is counted in {@code cache.errors} and
 * answered with "no value"; the first fault of a burst is logged at WARN, the rest of the burst only
 * as a count in the next WARN. After a fault, calls are not even attempted for a short pause, so a
 * dead or black-holed Redis costs requests nothing instead of a timeout each.
 */
final class RedisFaults {
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RedisReadCache.class);

    private final MeterRegistry registry;
    private final String cacheName;
    private final long pauseNanos;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final AtomicLong lastReportNanos;
    private final AtomicLong unreported = new AtomicLong();
    private volatile long pausedUntilNanos;
    private volatile boolean failing;

    RedisFaults(MeterRegistry registry, String cacheName, Duration pause) {
        this.registry = registry;
        this.cacheName = cacheName;
        this.pauseNanos = pause.toNanos();
        long now = System.nanoTime();
        this.lastReportNanos = new AtomicLong(now - REPORT_INTERVAL.toNanos() - 1);
        this.pausedUntilNanos = now;
    }

    /**
     * Runs one exchange with Redis: its answer, or empty when Redis failed (the fault is counted and
     * reported) or when the pause after a recent fault is still running.
     */
    <T> Optional<T> call(String operation, Supplier<T> exchange) {
        if (pausing()) {
            return Optional.empty();
        }
        T answer;
        try {
            answer = exchange.get();
        } catch (RuntimeException fault) {
            pausedUntilNanos = System.nanoTime() + pauseNanos;
            failing = true;
            report(operation, "Redis cache " + operation + " failed; answering from the system of record", fault);
            return Optional.empty();
        }
        if (failing) {
            failing = false;
            long unreportedFaults = unreported.getAndSet(0);
            LOG.info("Redis cache reachable again{}",
                    unreportedFaults == 0 ? "" : " (" + unreportedFaults + " more faults since the last report)");
        }
        return Optional.of(answer);
    }

    /** Whether calls are skipped now, in the pause after a fault. */
    boolean pausing() {
        return System.nanoTime() - pausedUntilNanos < 0;
    }

    /**
     * Runs one exchange with Redis for a port that must not answer without it (sessions, sign-in
     * counts): its answer, or {@link Unavailable} naming {@code what} when Redis failed.
     */
    static <T> T orUnavailable(String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (JedisException fault) {
            throw Unavailable.withPublicReason(what + " unavailable", fault);
        }
    }

    /** A value that Redis returned but that cannot be read back: counted and reported, never thrown. */
    void unreadable(String key, RuntimeException fault) {
        report("decode", "Redis cache entry " + key + " is unreadable; treated as a miss", fault);
    }

    /** A value that cannot be written as JSON: counted and reported, never thrown; it is not cached. */
    void unwritable(String key, RuntimeException fault) {
        report("encode", "Redis cache entry " + key + " cannot be written; not cached", fault);
    }

    private void report(String operation, String message, RuntimeException fault) {
        errors.computeIfAbsent(operation, op -> Counter.builder("cache.errors")
                        .description("Redis cache exchanges that failed and were answered as misses or no-ops")
                        .tag("cache", cacheName)
                        .tag("operation", op)
                        .register(registry))
                .increment();
        long now = System.nanoTime();
        long last = lastReportNanos.get();
        if (now - last >= REPORT_INTERVAL.toNanos() && lastReportNanos.compareAndSet(last, now)) {
            long others = unreported.getAndSet(0);
            LOG.warn("{}: {}{}", message, describe(fault),
                    others == 0 ? "" : " (" + others + " more faults since the last report)");
            LOG.debug("Redis cache fault in detail", fault);
        } else {
            unreported.incrementAndGet();
            LOG.debug("{}", message, fault);
        }
    }

    private static String describe(Throwable fault) {
        StringBuilder text = new StringBuilder(fault.getClass().getSimpleName()).append(": ").append(fault.getMessage());
        Throwable cause = fault.getCause();
        if (cause != null && cause != fault) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }
}
