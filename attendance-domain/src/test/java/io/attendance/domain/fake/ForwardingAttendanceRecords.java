package io.attendance.domain.fake;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.Optional;
import java.util.function.Consumer;

/** Passes every call on; tests override the calls they want to count or to make fail. */
public abstract class ForwardingAttendanceRecords implements AttendanceRecords {
    private final AttendanceRecords delegate;

    protected ForwardingAttendanceRecords(AttendanceRecords delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(AttendanceRecord record) {
        delegate.add(record);
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return delegate.find(employeeId, date);
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return delegate.latestOf(employeeId);
    }

    @Override
    public void forEachWithEmployee(Consumer<EmployeeAttendance> sink) {
        delegate.forEachWithEmployee(sink);
    }
}
