package io.attendance.domain.port;

/** Asks a backing service whether it answers right now; never throws. */
@FunctionalInterface
public interface HealthProbe {
    boolean isUp();
}
