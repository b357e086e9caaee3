package io.attendance.application.records;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.port.DayChanges.Change;
import io.attendance.domain.port.DayChanges.Stored;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.ReadCache;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Records a new day of attendance, creating the employee on first sight (the v1 create). */
public final class RecordAttendance {
    private final DayChanges days;
    private final ReadCache cache;
    private final Clock clock;
    private final ZoneId defaultZone;

    /** @param defaultZone the time zone of employees met for the first time here (v1 has none) */
    public RecordAttendance(DayChanges days, ReadCache cache, Clock clock, ZoneId defaultZone) {
        this.days = days;
        this.cache = cache;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /**
     * Records the day; an unknown employee is created, and a name that differs from the stored one
     * renames the employee: both are audited as employee changes.
     *
     * @throws ValidationFailed when the date is beyond the booking window or an unknown employee has no name
     * @throws Conflict when the employee already has a record that day
     */
    public AttendanceRecord record(RecordAttendanceCommand command, String actor) {
        command.date().requireWithinBookingWindow(clock);
        Change written = days.apply(new AttendanceKey(command.date(), command.employeeId()),
                stored -> plan(command, stored, actor));
        cache.employeeChanged(command.employeeId());
        return written.record().orElseThrow().value();
    }

    private Change plan(RecordAttendanceCommand command, Stored stored, String actor) {
        if (stored.record().isPresent()) {
            throw new Conflict("employee " + command.employeeId() + " already has a record on " + command.date());
        }
        Instant now = clock.instant();
        AttendanceRecord record = AttendanceRecord.first(command.employeeId(), command.date(), command.status(), now);
        Change change = Change.ofRecord(record, AuditEvent.created(record, actor));
        if (stored.employee().isEmpty()) {
            String name = command.name()
                    .orElseThrow(() -> new ValidationFailed("name", "is required for a new employee"));
            Employee created = Employee.first(command.employeeId(), EmployeeDetails.named(name, defaultZone), now);
            return change.withEmployee(created, EmployeeAuditEvent.created(created, actor));
        }
        Employee current = stored.employee().get();
        return command.name()
                .flatMap(name -> current.revised(current.details().renamed(name), now))
                .map(renamed -> change.withEmployee(renamed, EmployeeAuditEvent.updated(current, renamed, actor)))
                .orElse(change);
    }
}
