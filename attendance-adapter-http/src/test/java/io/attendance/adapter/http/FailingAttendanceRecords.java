package io.attendance.adapter.http;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.Optional;
import java.util.function.Consumer;

/** The in-memory records, except that looking up an employee's latest record fails as told. */
final class FailingAttendanceRecords implements AttendanceRecords {
    private final AttendanceRecords delegate;
    private volatile Throwable failure;

    FailingAttendanceRecords(AttendanceRecords delegate) {
        this.delegate = delegate;
    }

    void failLookUpsWith(Throwable failure) {
        this.failure = failure;
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        Throwable toThrow = failure;
        if (toThrow instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (toThrow instanceof Error error) {
            throw error;
        }
        return delegate.latestOf(employeeId);
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
    public void forEachWithEmployee(Consumer<EmployeeAttendance> sink) {
        delegate.forEachWithEmployee(sink);
    }
}
