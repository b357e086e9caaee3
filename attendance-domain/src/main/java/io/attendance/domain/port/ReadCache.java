package io.attendance.domain.port;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import java.util.List;
import java.util.Optional;

/**
 * Answers to frequent reads, kept so the system of record is not asked again. The cache is an
 * optimisation only: an implementation never throws to its caller (a fault is a miss, and a failed
 * fill or invalidation is logged and counted), and entries expire on their own.
 */
public interface ReadCache {

    /** The latest record of one employee (an empty answer is cached too). */
    Cached<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId);

    /** Every record with its employee, as {@link AttendanceRecords#forEachWithEmployee} orders them. */
    Cached<List<EmployeeAttendance>> allAttendance();

    /**
     * Called after a change to the employee's attendance has committed: no lookup that starts
     * after this returns makes an answer from before the change visible.
     */
    void attendanceChanged(EmployeeId employeeId);
}
