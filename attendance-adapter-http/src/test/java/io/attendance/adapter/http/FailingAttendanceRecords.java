package io.attendance.adapter.http;

import io.attendance.domain.fake.ForwardingAttendanceRecords;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AttendanceRecords;
import java.util.Optional;

/** The in-memory records, except that looking up an employee's latest record fails as told. */
final class FailingAttendanceRecords extends ForwardingAttendanceRecords {
    private volatile Throwable failure;

    FailingAttendanceRecords(AttendanceRecords delegate) {
        super(delegate);
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
        return super.latestOf(employeeId);
    }
}
