package io.attendance.application;

import io.attendance.domain.port.HealthProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/** Whether the service can do its work: the database is required, the cache only speeds it up. */
public final class CheckHealth {
    /** How old a report {@link #recent} answers may be. */
    static final Duration REUSED_FOR = Duration.ofSeconds(1);

    private final HealthProbe database;
    private final HealthProbe cache;
    private final Clock clock;
    /** One probe at a time for {@link #recent}; the others answer the report they have. */
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Probed last;

    CheckHealth(HealthProbe database, HealthProbe cache, Clock clock) {
        this.database = database;
        this.cache = cache;
        this.clock = clock;
    }

    /** Probes both stores now. */
    public HealthReport check() {
        return new HealthReport(database.isUp(), cache.isUp());
    }

    /**
     * A report at most {@link #REUSED_FOR} old: for a health route asked often (the OT contract's,
     * polled by its front-end and load balancers), where a probe per request would cost a round trip
     * to each store. While one caller probes, the others answer the report before it.
     */
    public HealthReport recent() {
        Probed seen = last;
        Instant now = clock.instant();
        if (seen != null && !now.isBefore(seen.at()) && Duration.between(seen.at(), now).compareTo(REUSED_FOR) <= 0) {
            return seen.report();
        }
        if (seen != null && !probing.tryLock()) {
            return seen.report();
        }
        if (seen == null) {
            probing.lock();
        }
        try {
            HealthReport report = check();
            last = new Probed(report, now);
            return report;
        } finally {
            probing.unlock();
        }
    }

    /** {@code ready} follows the database alone: without Redis the service still answers. */
    public record HealthReport(boolean databaseUp, boolean cacheUp) {
        public boolean ready() {
            return databaseUp;
        }
    }

    private record Probed(HealthReport report, Instant at) {
    }
}
