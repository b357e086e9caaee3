package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an employee's day was. Labels are the words HR and the v1 clients use. */
public enum AttendanceStatus {
    PRESENT("Present"),
    ABSENT("Absent"),
    HALF_DAY("Half Day"),
    ON_LEAVE("On Leave"),
    WORK_FROM_HOME("Work From Home"),
    HOLIDAY("Holiday");

    private static final String ACCEPTED = Arrays.stream(values())
            .map(AttendanceStatus::label)
            .collect(Collectors.joining(", "));

    private final String label;

    AttendanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Reads a status as people type it: case-insensitive, with '_', '-' and space alike, so
     * "present", "HALF_DAY", "half-day" and "Half Day" are all understood.
     */
    public static AttendanceStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailed("status", "is required");
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (AttendanceStatus status : values()) {
            if (status.name().equals(key)) {
                return status;
            }
        }
        throw new ValidationFailed("status", "must be one of: " + ACCEPTED);
    }
}
