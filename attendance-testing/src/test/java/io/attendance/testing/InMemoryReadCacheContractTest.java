package io.attendance.testing;

import io.attendance.domain.port.ReadCache;
import io.attendance.testing.contract.ReadCacheContract;

class InMemoryReadCacheContractTest extends ReadCacheContract {
    @Override
    protected ReadCache emptyCache() {
        return new InMemoryReadCache();
    }
}
