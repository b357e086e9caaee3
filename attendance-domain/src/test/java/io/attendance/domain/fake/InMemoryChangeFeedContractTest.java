package io.attendance.domain.fake;

import io.attendance.domain.port.ChangeFeedContract;

class InMemoryChangeFeedContractTest extends ChangeFeedContract {
    @Override
    protected Stores emptyStore() {
        InMemoryDatabase db = new InMemoryDatabase();
        return new Stores(new InMemoryChangeFeed(db), new InMemoryDayChanges(db), db, new InMemoryEmployees(db),
                new InMemoryAttendanceRecords(db), new InMemoryAuditTrail(db));
    }
}
