package io.attendance.application.records;

import io.attendance.application.writing.Written;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges;
import java.time.Clock;
import java.util.Optional;

/** Creates or revises one day's record with its audit event: single PUTs and batches alike. */
final class RecordUpserts {
    private final Clock clock;

    RecordUpserts(Clock clock) {
        this.clock = clock;
    }

    /** The change {@code command} makes over {@code stored}: a first version, the next one, or none when it says what is stored. */
    Change change(PutRecordCommand command, Optional<AttendanceRecord> stored, String actor) {
        if (stored.isEmpty()) {
            AttendanceRecord created = AttendanceRecord.first(
                    command.employeeId(), command.date(), command.entry(), clock.instant());
            return Change.ofRecord(created, AuditEvent.created(created, actor));
        }
        AttendanceRecord current = stored.get();
        return current.revised(command.entry(), clock.instant())
                .map(next -> Change.ofRecord(next, AuditEvent.updated(current, next, actor)))
                .orElse(Change.NONE);
    }

    /** What {@code change} did: created or revised the record (as its audit event says), or left it as stored. */
    static Written.Outcome outcome(Change change) {
        return change.record()
                .map(written -> written.event().action() == AuditAction.CREATED
                        ? Written.Outcome.CREATED : Written.Outcome.UPDATED)
                .orElse(Written.Outcome.UNCHANGED);
    }

    /** The record as {@code change}, made over {@code stored}, left it, with what it did. */
    static Written<AttendanceRecord> written(Change change, Optional<AttendanceRecord> stored) {
        AttendanceRecord record = change.record().map(DayChanges.Written::value).orElseGet(stored::orElseThrow);
        return new Written<>(record, outcome(change));
    }
}
