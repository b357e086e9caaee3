package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.AttendanceRecord;
import java.time.Instant;

/**
 * A written record as a caller that may not read it (a DEVICE) is answered: the members it sent, as
 * stored, and nothing of what was stored before or around them (no version, no times of creation or
 * change, no source).
 */
@JsonPropertyOrder({"employeeId", "date", "status", "checkIn", "checkOut", "note"})
record V2SentRecordView(String employeeId, String date, String status, Instant checkIn, Instant checkOut, String note) {

    static V2SentRecordView of(AttendanceRecord record) {
        return new V2SentRecordView(
                record.employeeId().value(),
                record.date().toString(),
                record.status().label(),
                record.entry().checkIn().orElse(null),
                record.entry().checkOut().orElse(null),
                record.entry().note().orElse(null));
    }
}
