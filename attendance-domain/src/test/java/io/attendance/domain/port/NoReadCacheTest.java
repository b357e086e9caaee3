package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoReadCacheTest {
    private final ReadCache cache = ReadCache.none();

    @Test
    void aFilledEntryStillMissesSoEveryReadGoesToTheStore() {
        CacheKey<Optional<AttendanceRecord>> key =
                CachedReads.record(new EmployeeId("E-1"), WorkDate.of(2026, 11, 27));
        ((Cached.Miss<Optional<AttendanceRecord>>) cache.lookup(key)).fill(Optional.empty());

        assertThat(cache.lookup(key)).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void noMissSharesItsSlotSoConcurrentReadsNeverWaitForEachOther() {
        Cached<byte[]> first = cache.lookup(CachedReads.renderedAttendanceListing());

        assertThat(((Cached.Miss<byte[]>) first).slot()).isEmpty();
    }

    @Test
    void catchingUpAsksTheFeedNothing() {
        cache.catchUp(position -> {
            throw new AssertionError("asked the feed from " + position);
        });
    }
}
