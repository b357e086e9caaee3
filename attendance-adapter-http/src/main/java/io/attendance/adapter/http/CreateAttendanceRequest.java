package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.RecordAttendanceCommand;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 create body {@code {"id","name","status","date"}}: every field a JSON string (or absent, or
 * null), unknown fields ignored. Turns the raw bytes into a {@link RecordAttendanceCommand} or a
 * {@link ValidationFailed} naming every bad field.
 */
final class CreateAttendanceRequest {
    static final String BODY = "body";
    private static final List<String> FIELDS = List.of("id", "name", "status", "date");

    private CreateAttendanceRequest() {
    }

    static RecordAttendanceCommand parse(ObjectMapper json, byte[] body) {
        JsonNode root = readObject(json, body);
        List<FieldError> errors = new ArrayList<>();
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            JsonNode value = root.get(FIELDS.get(i));
            if (value == null || value.isNull()) {
                values[i] = null;
            } else if (value.isTextual()) {
                values[i] = value.textValue();
            } else {
                errors.add(new FieldError(FIELDS.get(i), "must be a JSON string, was " + describe(value)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return RecordAttendanceCommand.parse(values[0], values[1], values[2], values[3]);
    }

    private static JsonNode readObject(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            throw new ValidationFailed(BODY, "is required: a JSON object with id, name, status and date");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationFailed(BODY, "is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new ValidationFailed(BODY, "is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new ValidationFailed(BODY, "is required: a JSON object with id, name, status and date");
        }
        if (!root.isObject()) {
            throw new ValidationFailed(BODY, "must be a JSON object, was " + describe(root));
        }
        return root;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not a JSON value";
        };
    }
}
