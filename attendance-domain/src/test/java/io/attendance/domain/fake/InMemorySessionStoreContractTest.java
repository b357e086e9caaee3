package io.attendance.domain.fake;

import io.attendance.domain.port.SessionStore;
import io.attendance.domain.port.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;

class InMemorySessionStoreContractTest extends SessionStoreContract {
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");

    @Override
    protected SessionStore emptyStore() {
        return new InMemorySessionStore(() -> now);
    }

    @Override
    protected Instant now() {
        return now;
    }

    @Override
    protected void pass(Duration time) {
        now = now.plus(time);
    }
}
