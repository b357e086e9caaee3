package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.List;
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

    /**
     * Replaces the stored record of the same employee and day with {@code record} (whose version is
     * the next one) only if the stored version is still {@code expectedVersion}: of concurrent
     * writers that read the same version exactly one wins.
     *
     * @return false when the record is absent or its version is no longer {@code expectedVersion}
     */
    boolean replace(AttendanceRecord record, long expectedVersion);

    /**
     * Deletes the record only if its version is still {@code expectedVersion}.
     *
     * @return false when the record is absent or its version is no longer {@code expectedVersion}
     */
    boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion);

    Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date);

    /** The employee's records from {@code from} to {@code to} inclusive, by date. */
    List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to);

    /**
     * Up to {@code limit} records matching {@code query} that come after {@code after} in
     * {@link AttendanceKey} order (date, then employee id), in that order: keyset pagination.
     */
    List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit);

    /** The employee's record with the latest work date, with the employee. */
    Optional<EmployeeAttendance> latestOf(EmployeeId employeeId);

    /**
     * Hands every record, with its employee, to {@code sink} one at a time, ordered by employee id
     * then date. Implementations read from a cursor: memory stays constant whatever the row count.
     */
    void forEachWithEmployee(Consumer<EmployeeAttendance> sink);
}
