package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.Optional;

/**
 * The v1 create body {@code {"id","name","status","date"}}: every field a JSON string (or absent, or
 * null), unknown fields ignored. Turns the raw bytes into a {@link RecordAttendanceCommand} or a
 * {@link ValidationFailed} naming every bad field.
 */
final class V1CreateRequest {

    private V1CreateRequest() {
    }

    static RecordAttendanceCommand parse(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with id, name, status and date");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String id = fields.text(root, "id");
        String name = fields.text(root, "name");
        String status = fields.text(root, "status");
        String date = fields.text(root, "date");
        errors.throwIfAny();

        EmployeeId employeeId = errors.check(() -> new EmployeeId(id));
        Optional<String> validName = name == null
                ? Optional.empty()
                : Optional.ofNullable(errors.check(() -> EmployeeDetails.requireValidName(name)));
        AttendanceStatus validStatus = errors.check(() -> AttendanceStatus.parse(status));
        WorkDate workDate = errors.check(() -> WorkDate.parse(date));
        errors.throwIfAny();
        return new RecordAttendanceCommand(employeeId, validName, validStatus, workDate);
    }
}
