package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.List;
import java.util.Optional;

/** The system of record of attendance: at most one record per employee per day. */
public interface AttendanceRecords {

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
     * Up to {@code limit} records, each with its employee as it is now, that come after {@code after}
     * in the listing order, in that order: by employee id, then date (not {@link AttendanceKey}'s own
     * order, which is date first). {@code after} is the key of the last record of the previous chunk;
     * empty for the first chunk. A chunk shorter than {@code limit} is the last.
     *
     * <p>Each call is one short read: a listing is read chunk by chunk, and nothing is held between
     * the chunks (on PostgreSQL no connection and no transaction while the caller writes a chunk out).
     * So a listing read this way is complete and in order but is no snapshot: a record that exists
     * from the first chunk to the last appears exactly once, in its place; one added or deleted while
     * the listing is read may or may not appear; no record appears twice.
     */
    List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit);
}
