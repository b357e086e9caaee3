package io.attendance.domain.fake;

import io.attendance.domain.port.DayChangesContract;

class InMemoryDayChangesContractTest extends DayChangesContract {
    @Override
    protected Stores emptyStore() {
        InMemoryDatabase db = new InMemoryDatabase();
        return new Stores(new InMemoryDayChanges(db), new InMemoryEmployees(db), new InMemoryAttendanceRecords(db),
                new InMemoryAuditTrail(db));
    }
}
