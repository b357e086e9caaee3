package io.attendance.domain.port;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.List;

/** Every change ever made to attendance records; append-only. */
public interface AuditTrail {

    /** Records the event; called inside the unit of work that makes the change. */
    void append(AuditEvent event);

    /** The events of one record, oldest first (in the order they were appended). */
    List<AuditEvent> history(EmployeeId employeeId, WorkDate date);
}
