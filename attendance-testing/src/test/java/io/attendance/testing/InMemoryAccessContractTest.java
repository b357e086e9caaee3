package io.attendance.testing;

import io.attendance.testing.contract.AccessContract;

class InMemoryAccessContractTest extends AccessContract {
    @Override
    protected Ports emptyStore() {
        InMemoryPersistence store = new InMemoryPersistence();
        return new Ports(store.users(), store.apiKeys(), store.transactions());
    }
}
