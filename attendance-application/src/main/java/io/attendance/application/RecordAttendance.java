package io.attendance.application;

import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.Optional;

/** Records a new day of attendance, creating the employee on first sight (the v1 create). */
public final class RecordAttendance {
    private final Transactions transactions;
    private final Employees employees;
    private final AttendanceRecords records;
    private final ReadCache cache;
    private final Clock clock;

    public RecordAttendance(
            Transactions transactions, Employees employees, AttendanceRecords records, ReadCache cache, Clock clock) {
        this.transactions = transactions;
        this.employees = employees;
        this.records = records;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * @throws ValidationFailed when the date is beyond the booking window or an unknown employee has no name
     * @throws io.attendance.domain.error.Conflict when the employee already has a record that day
     */
    public AttendanceRecord record(RecordAttendanceCommand command) {
        command.date().requireWithinBookingWindow(clock);
        AttendanceRecord created = transactions.inTransaction(() -> {
            Optional<Employee> known = employees.find(command.employeeId());
            Employee employee = known
                    .map(existing -> command.name().map(existing::renamed).orElse(existing))
                    .orElseGet(() -> new Employee(command.employeeId(), command.name()
                            .orElseThrow(() -> new ValidationFailed("name", "is required for a new employee"))));
            if (!known.equals(Optional.of(employee))) {
                employees.save(employee);
            }
            AttendanceRecord record = AttendanceRecord.first(
                    command.employeeId(), command.date(), command.status(), clock.instant());
            records.add(record);
            return record;
        });
        cache.attendanceChanged(command.employeeId());
        return created;
    }
}
