package io.attendance.domain.fake;

import io.attendance.domain.port.AccessContract;

class InMemoryAccessContractTest extends AccessContract {
    @Override
    protected Ports emptyStore() {
        InMemoryDatabase db = new InMemoryDatabase();
        return new Ports(new InMemoryUsers(db), new InMemoryApiKeys(db), db);
    }
}
