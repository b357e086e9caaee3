package io.attendance.application;

import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Records a new day of attendance, creating the employee on first sight (the v1 create). */
public final class RecordAttendance {
    private final Transactions transactions;
    private final Employees employees;
    private final EmployeeWrites employeeWrites;
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final ReadCache cache;
    private final Clock clock;
    private final ZoneId defaultZone;

    /** @param defaultZone the time zone of employees met for the first time here (v1 has none) */
    RecordAttendance(Transactions transactions, Employees employees, EmployeeWrites employeeWrites,
            AttendanceRecords records, AuditTrail audit, ReadCache cache, Clock clock, ZoneId defaultZone) {
        this.transactions = transactions;
        this.employees = employees;
        this.employeeWrites = employeeWrites;
        this.records = records;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /**
     * Records the day; an unknown employee is created, and a name that differs from the stored one
     * renames the employee: both are audited as employee changes.
     *
     * @throws ValidationFailed when the date is beyond the booking window or an unknown employee has no name
     * @throws io.attendance.domain.error.Conflict when the employee already has a record that day
     */
    public AttendanceRecord record(RecordAttendanceCommand command, String actor) {
        command.date().requireWithinBookingWindow(clock);
        AttendanceRecord created = Races.retried(() -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Employee> known = employees.find(command.employeeId());
            if (known.isEmpty()) {
                String name = command.name()
                        .orElseThrow(() -> new ValidationFailed("name", "is required for a new employee"));
                employeeWrites.create(command.employeeId(), EmployeeDetails.named(name, defaultZone),
                        Precondition.NONE, actor);
            } else if (command.name().isPresent()) {
                Employee current = known.get();
                employeeWrites.revise(current, current.details().renamed(command.name().get()), Precondition.NONE, actor);
            }
            AttendanceRecord record = AttendanceRecord.first(command.employeeId(), command.date(), command.status(), now);
            records.add(record);
            audit.append(AuditEvent.created(record, actor));
            return record;
        }));
        cache.employeeChanged(command.employeeId());
        return created;
    }
}
