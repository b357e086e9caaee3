package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.RecordAttendanceCommand;
import io.attendance.domain.error.ValidationFailed;

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
        JsonInput fields = new JsonInput();
        String id = fields.text(root, "id");
        String name = fields.text(root, "name");
        String status = fields.text(root, "status");
        String date = fields.text(root, "date");
        fields.complete();
        return RecordAttendanceCommand.parse(id, name, status, date);
    }
}
