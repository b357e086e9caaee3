package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonView;
import io.attendance.domain.model.AttendanceRecord;
import java.time.Instant;

/**
 * A daily record as v2 shows it. The status is its label, as in v1 ("Half Day"); the punches are
 * ISO-8601 instants (UTC, "Z"), and every optional field is present, null when unknown. A caller
 * that writes records it may not read (a DEVICE) is shown only the members it sent.
 */
@JsonPropertyOrder({"employeeId", "date", "status", "checkIn", "checkOut", "workedMinutes", "note", "source",
        "version", "createdAt", "updatedAt"})
record V2RecordView(
        String employeeId,
        String date,
        String status,
        Instant checkIn,
        Instant checkOut,
        @JsonView(V2Responses.ForReaders.class) Long workedMinutes,
        String note,
        @JsonView(V2Responses.ForReaders.class) String source,
        @JsonView(V2Responses.ForReaders.class) long version,
        @JsonView(V2Responses.ForReaders.class) Instant createdAt,
        @JsonView(V2Responses.ForReaders.class) Instant updatedAt) {

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
