package io.attendance.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.port.HealthProbe;
import io.attendance.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckHealthTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final AtomicInteger databaseProbes = new AtomicInteger();
    private final AtomicInteger cacheProbes = new AtomicInteger();
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final CheckHealth health = new CheckHealth(counted(databaseProbes, databaseUp), counted(cacheProbes,
            new AtomicBoolean(true)), clock);

    private static HealthProbe counted(AtomicInteger probes, AtomicBoolean up) {
        return () -> {
            probes.incrementAndGet();
            return up.get();
        };
    }

    @Test
    void aCheckProbesBothStoresEveryTime() {
        health.check();
        health.check();

        assertThat(databaseProbes).hasValue(2);
        assertThat(cacheProbes).hasValue(2);
    }

    @Test
    void aRecentReportIsReusedForASecondThenProbedAgain() {
        assertThat(health.recent().databaseUp()).isTrue();
        databaseUp.set(false);

        clock.advance(CheckHealth.REUSED_FOR);
        assertThat(health.recent().databaseUp()).as("a second old at most").isTrue();
        assertThat(databaseProbes).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(health.recent().databaseUp()).isFalse();
        assertThat(databaseProbes).hasValue(2);
        assertThat(cacheProbes).hasValue(2);
    }

    @Test
    void aClockSetBackProbesAgain() {
        health.recent();
        clock.advance(Duration.ofMillis(-1));

        health.recent();

        assertThat(databaseProbes).hasValue(2);
    }
}
