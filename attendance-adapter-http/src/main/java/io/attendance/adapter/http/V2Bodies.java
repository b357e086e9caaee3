package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.PutEmployeeCommand;
import io.attendance.application.PutRecordCommand;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.RecordSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The v2 request bodies. Fields the application expects as text must be JSON strings and
 * {@code active} a JSON boolean; a value of another type is a 400 naming the field. A JSON null is
 * an absent field, unknown fields are ignored, and what the path says (the employee id, the date)
 * is never taken from the body.
 */
final class V2Bodies {
    private V2Bodies() {
    }

    /** {@code {"name", "department"?, "timezone"?, "active"?}} for the employee {@code id} of the path. */
    static PutEmployeeCommand employee(ObjectMapper json, byte[] body, String id, ZoneId defaultZone) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with name, and optionally department, timezone and active");
        JsonInput fields = new JsonInput();
        String name = fields.text(root, "name");
        String department = fields.text(root, "department");
        String timezone = fields.text(root, "timezone");
        Boolean active = fields.bool(root, "active");
        fields.complete();
        return PutEmployeeCommand.parse(id, name, department, timezone, active, defaultZone);
    }

    /** {@code {"status", "checkIn"?, "checkOut"?, "note"?}} for the employee and date of the path. */
    static PutRecordCommand record(ObjectMapper json, byte[] body, String employeeId, String date) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with status, and optionally checkIn, checkOut and note");
        JsonInput fields = new JsonInput();
        PutRecordCommand.Input input = new PutRecordCommand.Input(employeeId, date,
                fields.text(root, "status"), fields.text(root, "checkIn"), fields.text(root, "checkOut"),
                fields.text(root, "note"));
        fields.complete();
        return PutRecordCommand.parse(input, RecordSource.API, "");
    }

    /**
     * A JSON array of {@code {"employeeId","date","status","checkIn"?,"checkOut"?,"note"?}}; errors
     * are named by index: {@code [3].status}. What the values mean is checked by the application.
     */
    static List<PutRecordCommand.Input> batch(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.array(json, body, "a JSON array of records");
        List<PutRecordCommand.Input> inputs = new ArrayList<>(root.size());
        List<FieldError> errors = new ArrayList<>();
        for (int index = 0; index < root.size(); index++) {
            JsonNode item = root.get(index);
            if (!item.isObject()) {
                errors.add(new FieldError("[" + index + "]", "must be a JSON object, was " + JsonInput.describe(item)));
                continue;
            }
            JsonInput fields = new JsonInput("[" + index + "].");
            inputs.add(new PutRecordCommand.Input(fields.text(item, "employeeId"), fields.text(item, "date"),
                    fields.text(item, "status"), fields.text(item, "checkIn"), fields.text(item, "checkOut"),
                    fields.text(item, "note")));
            errors.addAll(fields.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return inputs;
    }
}
