package io.attendance.testing;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * {@link AuditTrail} over an {@link InMemoryStore}: rolled back with the unit of work it is part
 * of. An event's sequence number is its place in its list, counted from 1.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    private final InMemoryStore db;

    public InMemoryAuditTrail(InMemoryStore db) {
        this.db = db;
    }

    @Override
    public void append(AuditEvent event) {
        db.runInTransaction(() -> {
            db.append(db.auditEvents, event);
            db.append(db.appended, new InMemoryStore.Appended(event.employeeId(), Optional.of(event)));
        });
    }

    @Override
    public void append(EmployeeAuditEvent event) {
        db.runInTransaction(() -> {
            db.append(db.employeeAuditEvents, event);
            db.append(db.appended, new InMemoryStore.Appended(event.employeeId(), Optional.empty()));
        });
    }

    @Override
    public List<Sequenced<EmployeeAuditEvent>> history(EmployeeId employeeId, OptionalLong after, int limit) {
        return db.inTransaction(() -> page(db.employeeAuditEvents, event -> event.employeeId().equals(employeeId),
                after, limit));
    }

    @Override
    public List<Sequenced<AuditEvent>> history(EmployeeId employeeId, WorkDate date, OptionalLong after, int limit) {
        return db.inTransaction(() -> page(db.auditEvents,
                event -> event.employeeId().equals(employeeId) && event.date().equals(date), after, limit));
    }

    private static <E> List<Sequenced<E>> page(List<E> appended, Predicate<E> which, OptionalLong after, int limit) {
        return IntStream.range((int) Math.min(appended.size(), after.orElse(0)), appended.size())
                .mapToObj(index -> new Sequenced<>(index + 1L, appended.get(index)))
                .filter(sequenced -> which.test(sequenced.event()))
                .limit(limit)
                .toList();
    }
}
