package io.attendance.domain.port;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

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

    /** Every event of one employee (not of their records), oldest first, read page after page. */
    default List<EmployeeAuditEvent> history(EmployeeId employeeId) {
        return everything((after, limit) -> history(employeeId, after, limit));
    }

    /** Every event of one record, oldest first, read page after page. */
    default List<AuditEvent> history(EmployeeId employeeId, WorkDate date) {
        return everything((after, limit) -> history(employeeId, date, after, limit));
    }

    private static <E> List<E> everything(BiFunction<OptionalLong, Integer, List<Sequenced<E>>> page) {
        int pageSize = 1_000;
        List<E> events = new ArrayList<>();
        OptionalLong after = OptionalLong.empty();
        List<Sequenced<E>> read;
        do {
            read = page.apply(after, pageSize);
            read.forEach(sequenced -> events.add(sequenced.event()));
            after = read.isEmpty() ? after : OptionalLong.of(read.get(read.size() - 1).sequence());
        } while (read.size() == pageSize);
        return events;
    }
}
