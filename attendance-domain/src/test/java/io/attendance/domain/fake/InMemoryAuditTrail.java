package io.attendance.domain.fake;

import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} over an {@link InMemoryDatabase}: rolled back with the unit of work it is part of. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final InMemoryDatabase db;

    public InMemoryAuditTrail(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void append(AuditEvent event) {
        db.runInTransaction(() -> {
            db.auditEvents.add(event);
            db.appended.add(new InMemoryDatabase.Appended(event.employeeId(), Optional.of(event)));
        });
    }

    @Override
    public void append(EmployeeAuditEvent event) {
        db.runInTransaction(() -> {
            db.employeeAuditEvents.add(event);
            db.appended.add(new InMemoryDatabase.Appended(event.employeeId(), Optional.empty()));
        });
    }

    @Override
    public List<EmployeeAuditEvent> history(EmployeeId employeeId) {
        return db.inTransaction(() -> db.employeeAuditEvents.stream()
                .filter(event -> event.employeeId().equals(employeeId))
                .toList());
    }

    @Override
    public List<AuditEvent> history(EmployeeId employeeId, WorkDate date) {
        return db.inTransaction(() -> db.auditEvents.stream()
                .filter(event -> event.employeeId().equals(employeeId) && event.date().equals(date))
                .toList());
    }
}
