package io.attendance.adapter.postgres;

import io.attendance.testing.contract.AccessContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users' and API keys' contract, held by the adapter on a host's data source, in a schema of the host's choosing. */
class HostDataSourceAccessContractTest extends AccessContract {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.onAHostDataSource();

    @Override
    protected Ports emptyStore() {
        return new Ports(DATABASE.users(), DATABASE.apiKeys(), DATABASE.transactions());
    }
}
