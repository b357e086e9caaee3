package io.attendance.testing;

import io.attendance.testing.contract.PersistenceContract;

class InMemoryPersistenceContractTest extends PersistenceContract {
    @Override
    protected Ports emptyStore() {
        InMemoryPersistence store = new InMemoryPersistence();
        return new Ports(store.employees(), store.attendanceRecords(), store.transactions(), store.auditTrail(),
                store.dayChanges());
    }
}
