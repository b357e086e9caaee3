package io.attendance.adapter.postgres;

import io.attendance.testing.contract.AccessContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users' and API keys' contract, held by the real adapter on a migrated database emptied before each test. */
class PostgresAccessContractTest extends AccessContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    @Override
    protected Ports emptyStore() {
        return new Ports(DATABASE.users(), DATABASE.apiKeys(), DATABASE.transactions());
    }
}
