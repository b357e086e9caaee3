package io.attendance.domain.port;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import java.util.List;
import java.util.OptionalLong;

/** Every change ever made to attendance records and employees; append-only. */
public interface AuditTrail {

    /** Records the event; called inside the unit of work that makes the change. */
    void append(AuditEvent event);

    /** Records the employee's change; called inside the unit of work that makes it. */
    void append(EmployeeAuditEvent event);

    /**
     * The events of one employee (not of their records), oldest first: at most {@code limit} of
     * them, those numbered after {@code after} when it is given.
     */
    List<Sequenced<EmployeeAuditEvent>> history(EmployeeId employeeId, OptionalLong after, int limit);

    /**
     * The events of one record, oldest first (in the order they were appended): at most
     * {@code limit} of them, those numbered after {@code after} when it is given.
     */
    List<Sequenced<AuditEvent>> history(EmployeeId employeeId, WorkDate date, OptionalLong after, int limit);
}
