package io.attendance.bootstrap;

import io.attendance.application.sync.CacheCatchUp;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cache catch-up on a thread of its own, once at start and then every interval (counted
 * from the end of the previous one). A failed run (the database unreachable) is logged once until
 * one succeeds again; the next run tries again.
 */
final class CacheCatchUpSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CacheCatchUpSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "cache-catch-up");
        named.setDaemon(true);
        return named;
    });
    private boolean failing;

    private CacheCatchUpSchedule() {
    }

    static CacheCatchUpSchedule start(CacheCatchUp catchUp, Duration interval) {
        CacheCatchUpSchedule schedule = new CacheCatchUpSchedule();
        schedule.thread.scheduleWithFixedDelay(() -> schedule.runOnce(catchUp), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runOnce(CacheCatchUp catchUp) {
        try {
            catchUp.run();
            if (failing) {
                failing = false;
                log.info("Cache catch-up with the change feed works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Cache catch-up with the change feed failed; retrying every interval: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
