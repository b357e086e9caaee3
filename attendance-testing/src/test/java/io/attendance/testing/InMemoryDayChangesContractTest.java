package io.attendance.testing;

import io.attendance.testing.contract.DayChangesContract;

class InMemoryDayChangesContractTest extends DayChangesContract {
    @Override
    protected Stores emptyStore() {
        InMemoryPersistence store = new InMemoryPersistence();
        return new Stores(store.dayChanges(), store.employees(), store.attendanceRecords(), store.auditTrail());
    }
}
