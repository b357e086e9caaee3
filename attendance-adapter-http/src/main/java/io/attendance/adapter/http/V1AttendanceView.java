package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.EmployeeAttendance;

/** A record as the v1 contract shows it: {@code {"id","name","status","date"}}. */
@JsonPropertyOrder({"id", "name", "status", "date"})
record V1AttendanceView(String id, String name, String status, String date) {

    static V1AttendanceView of(EmployeeAttendance attendance) {
        return new V1AttendanceView(
                attendance.employee().id().value(),
                attendance.employee().name(),
                attendance.record().status().label(),
                attendance.record().date().toString());
    }
}
