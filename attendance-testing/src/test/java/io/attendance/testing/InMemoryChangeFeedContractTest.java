package io.attendance.testing;

import io.attendance.testing.contract.ChangeFeedContract;

class InMemoryChangeFeedContractTest extends ChangeFeedContract {
    @Override
    protected Stores emptyStore() {
        InMemoryPersistence store = new InMemoryPersistence();
        return new Stores(store.changeFeed(), store.dayChanges(), store.transactions(), store.employees(),
                store.attendanceRecords(), store.auditTrail());
    }
}
