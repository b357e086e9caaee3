package io.attendance.application.records;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.port.DayChanges;
import java.util.List;
import java.util.function.Function;

/**
 * Day changes that lose the next race as {@link DayChanges} allows: the plan runs on what is
 * stored, another writer commits before its change is written, and the plan runs again on that.
 */
final class LosingDayChanges implements DayChanges {
    private final DayChanges delegate;
    private Runnable otherWriter;

    LosingDayChanges(DayChanges delegate) {
        this.delegate = delegate;
    }

    /** The next call's first plan is overtaken by {@code otherWriter}'s write. */
    void anotherWriterWinsTheNextRace(Runnable otherWriter) {
        this.otherWriter = otherWriter;
    }

    @Override
    public List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan) {
        if (otherWriter != null) {
            delegate.applyAll(days, stored -> {
                plan.apply(stored);
                return stored.stream().map(ignored -> Change.NONE).toList();
            });
            otherWriter.run();
            otherWriter = null;
        }
        return delegate.applyAll(days, plan);
    }
}
