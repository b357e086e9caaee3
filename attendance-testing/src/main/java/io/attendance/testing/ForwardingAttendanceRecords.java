package io.attendance.testing;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.List;
import java.util.Optional;

/** Passes every call on; tests override the calls they want to count or to make fail. */
public abstract class ForwardingAttendanceRecords implements AttendanceRecords {
    private final AttendanceRecords delegate;

    protected ForwardingAttendanceRecords(AttendanceRecords delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        return delegate.remove(employeeId, date, expectedVersion);
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return delegate.find(employeeId, date);
    }

    @Override
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return delegate.ofEmployee(employeeId, from, to);
    }

    @Override
    public List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        return delegate.search(query, after, limit);
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return delegate.latestOf(employeeId);
    }

    @Override
    public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
        return delegate.withEmployeeAfter(after, limit);
    }
}
