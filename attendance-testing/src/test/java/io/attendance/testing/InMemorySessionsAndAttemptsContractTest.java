package io.attendance.testing;

import io.attendance.domain.port.LoginAttempts;
import io.attendance.testing.contract.LoginAttemptsContract;
import io.attendance.domain.port.SessionStore;
import io.attendance.testing.contract.SessionStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;

/** The in-memory session store and sign-in counts against their contracts, on a clock the tests move. */
class InMemorySessionsAndAttemptsContractTest {
    private Instant now = Instant.parse("2026-11-29T08:00:00Z");

    private void pass(Duration time) {
        now = now.plus(time);
    }

    @Nested
    class Sessions extends SessionStoreContract {
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
            InMemorySessionsAndAttemptsContractTest.this.pass(time);
        }
    }

    @Nested
    class Attempts extends LoginAttemptsContract {
        @Override
        protected LoginAttempts emptyAttempts() {
            return new InMemoryLoginAttempts(() -> now);
        }

        @Override
        protected void pass(Duration time) {
            InMemorySessionsAndAttemptsContractTest.this.pass(time);
        }
    }
}
