package io.attendance.application;

import io.attendance.domain.port.HealthProbe;

/** Whether the service can do its work: the database is required, the cache only speeds it up. */
public final class CheckHealth {
    private final HealthProbe database;
    private final HealthProbe cache;

    CheckHealth(HealthProbe database, HealthProbe cache) {
        this.database = database;
        this.cache = cache;
    }

    public HealthReport check() {
        return new HealthReport(database.isUp(), cache.isUp());
    }

    /** {@code ready} follows the database alone: without Redis the service still answers. */
    public record HealthReport(boolean databaseUp, boolean cacheUp) {
        public boolean ready() {
            return databaseUp;
        }
    }
}
