package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.AttendanceRecord;
import java.time.Instant;

/**
 * A daily record as v2 shows it. The status is its label, as in v1 ("Half Day"); the punches are
 * ISO-8601 instants (UTC, "Z"), and every optional field is present, null when unknown.
 */
@JsonPropertyOrder({"employeeId", "date", "status", "checkIn", "checkOut", "workedMinutes", "note", "source",
        "version", "createdAt", "updatedAt"})
record V2RecordView(
        String employeeId,
        String date,
        String status,
        Instant checkIn,
        Instant checkOut,
        Long workedMinutes,
        String note,
        String source,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static V2RecordView of(AttendanceRecord record) {
        return new V2RecordView(
                record.employeeId().value(),
                record.date().toString(),
                record.status().label(),
                record.entry().checkIn().orElse(null),
                record.entry().checkOut().orElse(null),
                record.workedMinutes().orElse(null),
                record.entry().note().orElse(null),
                record.entry().source().name(),
                record.version(),
                record.createdAt(),
                record.updatedAt());
    }
}
