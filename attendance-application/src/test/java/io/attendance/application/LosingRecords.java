package io.attendance.application;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.fake.ForwardingAttendanceRecords;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.concurrent.atomic.AtomicInteger;

/** Records that report the next few writes as lost to a concurrent writer. */
final class LosingRecords extends ForwardingAttendanceRecords {
    final AtomicInteger lostAdds = new AtomicInteger();
    final AtomicInteger lostReplaces = new AtomicInteger();
    final AtomicInteger lostRemoves = new AtomicInteger();

    LosingRecords(AttendanceRecords delegate) {
        super(delegate);
    }

    @Override
    public void add(AttendanceRecord record) {
        if (lostAdds.getAndDecrement() > 0) {
            throw new Conflict("another writer created it first");
        }
        super.add(record);
    }

    @Override
    public boolean replace(AttendanceRecord record, long expectedVersion) {
        return lostReplaces.getAndDecrement() <= 0 && super.replace(record, expectedVersion);
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        return lostRemoves.getAndDecrement() <= 0 && super.remove(employeeId, date, expectedVersion);
    }
}
