package io.attendance.testing;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.DayChanges.Change;

/**
 * Stores records for a test the way the service writes every day: through {@link DayChanges}, each
 * with its audit event. The {@link io.attendance.domain.port.AttendanceRecords} port only reads and
 * deletes, so there is no other way in that a store must keep up with.
 */
public final class RecordSeeding {
    /** The actor of the audit events written here: who v1's open routes name. */
    public static final String ACTOR = "anonymous";

    private RecordSeeding() {
    }

    /**
     * Writes {@code record}, a first version or the next version of the stored one, with its
     * {@code CREATED} or {@code UPDATED} event by {@link #ACTOR}; its employee must be stored.
     *
     * @return {@code record}
     */
    public static AttendanceRecord written(DayChanges days, AttendanceRecord record) {
        days.apply(record.key(), stored -> Change.ofRecord(record, stored.record()
                .map(before -> AuditEvent.updated(before, record, ACTOR))
                .orElseGet(() -> AuditEvent.created(record, ACTOR))));
        return record;
    }
}
