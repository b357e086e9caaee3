package io.attendance.testing;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * A whole history of an {@link AuditTrail}, read page after page as the service reads it: what a
 * test compares with the events it expects. The port itself only answers pages.
 */
public final class AuditHistories {
    private static final int PAGE_SIZE = 1_000;

    private AuditHistories() {
    }

    /** Every event of one employee (not of their records), oldest first. */
    public static List<EmployeeAuditEvent> of(AuditTrail trail, EmployeeId employeeId) {
        return everything((after, limit) -> trail.history(employeeId, after, limit));
    }

    /** Every event of one record, oldest first. */
    public static List<AuditEvent> of(AuditTrail trail, EmployeeId employeeId, WorkDate date) {
        return everything((after, limit) -> trail.history(employeeId, date, after, limit));
    }

    private static <E> List<E> everything(BiFunction<OptionalLong, Integer, List<Sequenced<E>>> page) {
        List<E> events = new ArrayList<>();
        OptionalLong after = OptionalLong.empty();
        List<Sequenced<E>> read;
        do {
            read = page.apply(after, PAGE_SIZE);
            read.forEach(sequenced -> events.add(sequenced.event()));
            after = read.isEmpty() ? after : OptionalLong.of(read.get(read.size() - 1).sequence());
        } while (read.size() == PAGE_SIZE);
        return events;
    }
}
