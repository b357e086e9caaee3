package io.attendance.application;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import java.time.Clock;
import java.util.Optional;

/** Creates or revises one day's record inside a unit of work, with its audit event: single PUTs and batches alike. */
final class RecordUpserts {
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    RecordUpserts(AttendanceRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes {@code command} over {@code stored}, what this unit of work read; a lost race ends as {@link Races} says. */
    Written<AttendanceRecord> upsert(
            PutRecordCommand command, Optional<AttendanceRecord> stored, Precondition precondition, String actor) {
        if (stored.isEmpty()) {
            AttendanceRecord created = AttendanceRecord.first(
                    command.employeeId(), command.date(), command.entry(), clock.instant());
            Races.insert(() -> records.add(created), precondition);
            audit.append(AuditEvent.created(created, actor));
            return new Written<>(created, Written.Outcome.CREATED);
        }
        AttendanceRecord current = stored.get();
        Written<AttendanceRecord> written = Races.replaceIfRevised(current, current.version(),
                current.revised(command.entry(), clock.instant()), records::replace, precondition);
        if (written.outcome() == Written.Outcome.UPDATED) {
            audit.append(AuditEvent.updated(current, written.value(), actor));
        }
        return written;
    }
}
