package io.attendance.adapter.http;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.testing.ForwardingAttendanceRecords;
import java.util.Optional;

/** The in-memory records, except that looking one up (v1's latest, v2's by date) fails as told. */
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
        failIfTold();
        return super.latestOf(employeeId);
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        failIfTold();
        return super.find(employeeId, date);
    }

    private void failIfTold() {
        Throwable toThrow = failure;
        if (toThrow instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (toThrow instanceof Error error) {
            throw error;
        }
    }
}
