package io.attendance.domain.fake;

import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.ReadCacheContract;

class InMemoryReadCacheContractTest extends ReadCacheContract {
    @Override
    protected ReadCache emptyCache() {
        return new InMemoryReadCache();
    }
}
