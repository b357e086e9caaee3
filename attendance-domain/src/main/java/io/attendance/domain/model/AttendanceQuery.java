package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Which records a listing shows: a date range of at most {@value #MAX_DAYS} days, narrowed by the
 * optional filters. {@code updatedSince} lets payroll and other systems sync incrementally.
 * Listings are ordered by date, then employee id ({@link AttendanceKey}).
 */
public record AttendanceQuery(
        WorkDate from,
        WorkDate to,
        Optional<EmployeeId> employeeId,
        Optional<String> department,
        Optional<AttendanceStatus> status,
        Optional<Instant> updatedSince) {
    public static final int MAX_DAYS = 366;

    public AttendanceQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedSince, "updatedSince");
        requireRange(from, to);
        department = department.flatMap(text -> Text.optionalLine("department", text, EmployeeDetails.MAX_DEPARTMENT_LENGTH));
    }

    /** Every record from {@code from} to {@code to}, both included, with no other filter. */
    public static AttendanceQuery between(WorkDate from, WorkDate to) {
        return new AttendanceQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The rule for every date range a client asks for: {@code to} not before {@code from}, at most 366 days apart. */
    public static void requireRange(WorkDate from, WorkDate to) {
        if (to.compareTo(from) < 0) {
            throw new ValidationFailed("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from.value(), to.value()) > MAX_DAYS) {
            throw new ValidationFailed("to", "must be at most " + MAX_DAYS + " days after from");
        }
    }

    /** Whether a record (of this employee, for the department filter) belongs in the listing. */
    public boolean matches(AttendanceRecord record, Employee employee) {
        return record.date().compareTo(from) >= 0 && record.date().compareTo(to) <= 0
                && employeeId.map(record.employeeId()::equals).orElse(true)
                && department.map(wanted -> employee.department().equals(Optional.of(wanted))).orElse(true)
                && status.map(wanted -> record.status() == wanted).orElse(true)
                && updatedSince.map(since -> !record.updatedAt().isBefore(since)).orElse(true);
    }

    /**
     * A stable text form: the same query always gives the same text (cache keys, cursors), and two
     * different queries never do (free text is percent-encoded, so it cannot fake a separator).
     */
    public String canonical() {
        return "from=" + from + "&to=" + to + "&employeeId=" + employeeId.map(EmployeeId::value).orElse("")
                + "&department=" + department.map(Text::encoded).orElse("") + "&status=" + status.map(Enum::name).orElse("")
                + "&updatedSince=" + updatedSince.map(Instant::toString).orElse("");
    }
}
