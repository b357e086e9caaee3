package io.attendance.domain.fake;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.LoginAttemptsContract;
import java.time.Duration;
import java.time.Instant;

class InMemoryLoginAttemptsContractTest extends LoginAttemptsContract {
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");

    @Override
    protected LoginAttempts emptyAttempts() {
        return new InMemoryLoginAttempts(() -> now);
    }

    @Override
    protected void pass(Duration time) {
        now = now.plus(time);
    }
}
