package io.attendance.application.records;

import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.reading.ReadThrough;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.Employees;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads of the daily records: one day's, an employee's range, the search a page at a time, and a
 * record's history; all but the history through the cache.
 */
public final class RecordReads {

    private final Employees employees;
    private final AttendanceRecords records;
    private final AuditTrail audit;
    private final ReadThrough reads;
    private final CursorCodec cursors;

    public RecordReads(Employees employees, AttendanceRecords records, AuditTrail audit, ReadThrough reads,
            CursorCodec cursors) {
        this.employees = employees;
        this.records = records;
        this.audit = audit;
        this.reads = reads;
        this.cursors = cursors;
    }

    /** @throws NotFound when the employee has no record that day */
    public AttendanceRecord get(EmployeeId employeeId, WorkDate date) {
        return reads.of(CachedReads.record(employeeId, date), () -> records.find(employeeId, date))
                .orElseThrow(() -> new NotFound("no record of employee " + employeeId + " on " + date));
    }

    /** The employee's records in the range, by date. @throws NotFound for an unknown employee */
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        AttendanceQuery.requireRange(from, to);
        reads.of(CachedReads.employee(employeeId), () -> employees.find(employeeId))
                .orElseThrow(() -> new NotFound("no employee " + employeeId));
        return reads.of(CachedReads.recordsOfEmployee(employeeId, from, to),
                () -> records.ofEmployee(employeeId, from, to));
    }

    public Page<AttendanceRecord> search(AttendanceQuery query, Optional<String> cursor, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        Optional<AttendanceKey> after = cursors.decode(query, cursor);
        List<AttendanceRecord> fetched = reads.of(CachedReads.attendancePage(query, after, limit + 1),
                () -> records.search(query, after, limit + 1));
        return Page.of(fetched, limit, last -> cursors.encode(query, last.key()));
    }

    /**
     * A page of the changes to one record, oldest first.
     *
     * @throws NotFound when it never existed
     * @throws io.attendance.domain.error.ValidationFailed on {@code limit} or {@code cursor}, when out
     *     of range or not a cursor of this record's history
     */
    public Page<AuditEvent> history(EmployeeId employeeId, WorkDate date, Optional<String> cursor,
            Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        AttendanceKey key = new AttendanceKey(date, employeeId);
        OptionalLong after = cursors.decodeHistory(key, cursor);
        List<Sequenced<AuditEvent>> fetched = audit.history(employeeId, date, after, limit + 1);
        if (fetched.isEmpty() && after.isEmpty() && records.find(employeeId, date).isEmpty()) {
            throw new NotFound("no record of employee " + employeeId + " on " + date + " ever existed");
        }
        return Page.ofSequenced(fetched, limit, last -> cursors.encodeHistory(key, last));
    }
}
