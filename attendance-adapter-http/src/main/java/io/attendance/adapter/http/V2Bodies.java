package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.PutRecordCommand;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.IsoInstant;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The v2 request bodies, read into commands. Fields must have their JSON type (text as strings,
 * {@code active} a boolean): a value of another type is a 400 naming the field, and what the values
 * mean is checked only once every type is right. A JSON null is an absent field, unknown fields are
 * ignored, and what the path says (the employee id, the date) is never taken from the body.
 */
final class V2Bodies {

    private V2Bodies() {
    }

    /** {@code {"name", "department"?, "timezone"?, "active"?}} for the employee {@code id} of the path. */
    static PutEmployeeCommand employee(ObjectMapper json, byte[] body, String id, ZoneId defaultZone) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with name, and optionally department, timezone and active");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String name = fields.text(root, "name");
        String department = fields.text(root, "department");
        String timezone = fields.text(root, "timezone");
        Boolean active = fields.bool(root, "active");
        errors.throwIfAny();

        EmployeeId employeeId = errors.check(() -> new EmployeeId(id));
        ZoneId zone = timezone == null ? defaultZone : errors.check(() -> EmployeeDetails.parseTimezone(timezone));
        // the other fields are checked even when the zone is invalid, so that every error is reported
        ZoneId zoneToCheckWith = zone == null ? defaultZone : zone;
        EmployeeDetails details = errors.check(() -> new EmployeeDetails(
                name, Optional.ofNullable(department), zoneToCheckWith, active == null || active));
        errors.throwIfAny();
        return new PutEmployeeCommand(employeeId, details);
    }

    /** {@code {"status", "checkIn"?, "checkOut"?, "note"?}} for the employee and date of the path. */
    static PutRecordCommand record(ObjectMapper json, byte[] body, String employeeId, String date) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with status, and optionally checkIn, checkOut and note");
        FieldErrors errors = new FieldErrors();
        RecordText text = RecordText.of(new JsonInput(errors), root, employeeId, date);
        errors.throwIfAny();
        PutRecordCommand command = text.toCommand(RecordSource.API, errors);
        errors.throwIfAny();
        return command;
    }

    /**
     * A JSON array of {@code {"employeeId","date","status","checkIn"?,"checkOut"?,"note"?}}; errors
     * are named by index: {@code [3].status}. An item whose values are invalid goes to the import as
     * unreadable, so that its errors are reported with those the import finds in the others. The
     * number of items is checked first: half a million invalid ones would otherwise cost as many errors.
     */
    static List<ImportBatch.Item> batch(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.array(json, body, "a JSON array of records");
        ImportBatch.checkSize(root.size());
        FieldErrors typeErrors = new FieldErrors();
        List<RecordText> texts = new ArrayList<>(root.size());
        for (int index = 0; index < root.size(); index++) {
            JsonNode item = root.get(index);
            if (!item.isObject()) {
                typeErrors.add("[" + index + "]", "must be a JSON object, was " + JsonInput.describe(item));
                continue;
            }
            JsonInput fields = new JsonInput(typeErrors, "[" + index + "].");
            texts.add(RecordText.of(fields, item, fields.text(item, "employeeId"), fields.text(item, "date")));
        }
        typeErrors.throwIfAny();
        List<ImportBatch.Item> items = new ArrayList<>(texts.size());
        for (int index = 0; index < texts.size(); index++) {
            FieldErrors errors = new FieldErrors("[" + index + "].");
            PutRecordCommand command = texts.get(index).toCommand(RecordSource.BATCH, errors);
            items.add(errors.isEmpty() ? ImportBatch.Item.read(command) : ImportBatch.Item.unreadable(errors.list()));
        }
        return items;
    }

    /** One record's fields as the request wrote them. */
    private record RecordText(String employeeId, String date, String status, String checkIn, String checkOut,
                              String note) {

        static RecordText of(JsonInput fields, JsonNode object, String employeeId, String date) {
            return new RecordText(employeeId, date, fields.text(object, "status"), fields.text(object, "checkIn"),
                    fields.text(object, "checkOut"), fields.text(object, "note"));
        }

        /** The command, or null with every invalid field reported into {@code errors}. */
        PutRecordCommand toCommand(RecordSource source, FieldErrors errors) {
            EmployeeId validEmployeeId = errors.check("employeeId", () -> new EmployeeId(employeeId));
            WorkDate validDate = errors.check(() -> WorkDate.parse(date));
            AttendanceStatus validStatus = errors.check(() -> AttendanceStatus.parse(status));
            Optional<Instant> validCheckIn = instant(errors, "checkIn", checkIn);
            Optional<Instant> validCheckOut = instant(errors, "checkOut", checkOut);
            // the entry's own rules (note, punches) are checked even when the status is invalid, so that
            // every error is reported; a status that allows punches adds no error of its own
            AttendanceStatus statusToCheckWith = validStatus == null ? AttendanceStatus.PRESENT : validStatus;
            DayEntry entry = errors.check(() -> DayEntry.of(statusToCheckWith, source)
                    .checkIn(validCheckIn)
                    .checkOut(validCheckOut)
                    .note(Optional.ofNullable(note))
                    .build());
            return errors.isEmpty() ? new PutRecordCommand(validEmployeeId, validDate, entry) : null;
        }

        private static Optional<Instant> instant(FieldErrors errors, String field, String text) {
            return text == null
                    ? Optional.empty()
                    : Optional.ofNullable(errors.check(field, () -> IsoInstant.parse(text)));
        }
    }
}
