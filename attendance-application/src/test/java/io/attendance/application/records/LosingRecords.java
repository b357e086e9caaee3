package io.attendance.application.records;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.testing.ForwardingAttendanceRecords;
import java.util.concurrent.atomic.AtomicInteger;

/** Records that report the next few deletions as lost to a concurrent writer. */
final class LosingRecords extends ForwardingAttendanceRecords {
    final AtomicInteger lostRemoves = new AtomicInteger();

    LosingRecords(AttendanceRecords delegate) {
        super(delegate);
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        return lostRemoves.getAndDecrement() <= 0 && super.remove(employeeId, date, expectedVersion);
    }
}
