package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.util.List;
import java.util.Optional;

/**
 * Answers to frequent reads, kept so the system of record is not asked again. The cache is an
 * optimisation only: an implementation never throws to its caller (a fault is a miss, and a failed
 * fill or invalidation is logged and counted), and entries expire on their own. Empty answers are
 * cached too.
 *
 * <p>Entries belong to an employee (everything about one employee) or to the listings (every answer
 * that spans employees). A change to an employee or to one of their records hides that employee's
 * entries and every listing; see {@link #employeeChanged}.
 */
public interface ReadCache {

    /** v1: the latest record of one employee, with the employee. An employee entry. */
    Cached<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId);

    /**
     * v1: every record with its employee ({@link AttendanceRecords#forEachWithEmployee}), in the
     * serialised form its one reader answers with. The cache stores and returns those bytes as they
     * are, without reading them: a hit costs no decoding and no object per record. A listing.
     */
    Cached<byte[]> allAttendance();

    /** One employee. An employee entry. */
    Cached<Optional<Employee>> employee(EmployeeId employeeId);

    /** One record. An employee entry. */
    Cached<Optional<AttendanceRecord>> record(EmployeeId employeeId, WorkDate date);

    /** {@link AttendanceRecords#ofEmployee}'s answer. An employee entry. */
    Cached<List<AttendanceRecord>> recordsOfEmployee(EmployeeId employeeId, WorkDate from, WorkDate to);

    /** {@link AttendanceRecords#search}'s answer (one page, fetched with that limit). A listing. */
    Cached<List<AttendanceRecord>> attendancePage(AttendanceQuery query, Optional<AttendanceKey> after, int limit);

    /** {@link Employees#list}'s answer (one page, fetched with that limit). A listing. */
    Cached<List<Employee>> employeePage(EmployeeQuery query, Optional<EmployeeId> after, int limit);

    /**
     * Called after a change to the employee or to any of their records has committed: no lookup
     * that starts after this returns makes an answer from before the change visible, neither the
     * employee's entries nor any listing.
     */
    void employeeChanged(EmployeeId employeeId);
}
