package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.Optional;
import java.util.function.Consumer;

/** The system of record of attendance: at most one record per employee per day. */
public interface AttendanceRecords {

    /**
     * Stores a record that did not exist yet; its employee must exist.
     *
     * @throws io.attendance.domain.error.Conflict when the employee already has a record that day
     */
    void add(AttendanceRecord record);

    Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date);

    /** The employee's record with the latest work date, with the employee. */
    Optional<EmployeeAttendance> latestOf(EmployeeId employeeId);

    /**
     * Hands every record, with its employee, to {@code sink} one at a time, ordered by employee id
     * then date. Implementations read from a cursor: memory stays constant whatever the row count.
     */
    void forEachWithEmployee(Consumer<EmployeeAttendance> sink);
}
