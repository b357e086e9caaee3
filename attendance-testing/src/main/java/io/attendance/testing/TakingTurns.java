package io.attendance.testing;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.port.DayChanges;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Day changes spread call by call over several implementations on one store, as over the
 * instances of a service: an implementation may keep its own calls from racing each other, so
 * races between its callers show only across instances.
 */
public final class TakingTurns implements DayChanges {
    private final List<DayChanges> instances;
    private final AtomicInteger calls = new AtomicInteger();

    public TakingTurns(List<DayChanges> instances) {
        this.instances = List.copyOf(instances);
    }

    private DayChanges next() {
        return instances.get(Math.floorMod(calls.getAndIncrement(), instances.size()));
    }

    @Override
    public Change apply(AttendanceKey day, Function<Stored, Change> plan) {
        return next().apply(day, plan);
    }

    @Override
    public List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan) {
        return next().applyAll(days, plan);
    }
}
