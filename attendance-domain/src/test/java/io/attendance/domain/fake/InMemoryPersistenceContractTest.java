package io.attendance.domain.fake;

import io.attendance.domain.port.PersistenceContract;

class InMemoryPersistenceContractTest extends PersistenceContract {
    @Override
    protected Ports emptyStore() {
        InMemoryDatabase db = new InMemoryDatabase();
        return new Ports(new InMemoryEmployees(db), new InMemoryAttendanceRecords(db), db, new InMemoryAuditTrail(db));
    }
}
