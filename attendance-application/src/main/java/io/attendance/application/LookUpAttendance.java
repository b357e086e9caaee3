package io.attendance.application;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ReadCache;
import java.util.Optional;

/** The v1 reads: an employee's latest record, and every record. Both read through the cache. */
public final class LookUpAttendance {
    private final AttendanceRecords records;
    private final ReadCache cache;
    private final int maxCachedListSize;

    /**
     * @param maxCachedListSize the full list is cached only up to this many records; a longer one is
     *     streamed from the database every time, so memory stays bounded whatever the table size
     */
    LookUpAttendance(AttendanceRecords records, ReadCache cache, int maxCachedListSize) {
        this.records = records;
        this.cache = cache;
        this.maxCachedListSize = maxCachedListSize;
    }

    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return ReadThrough.of(cache.lookup(CachedReads.latestAttendance(employeeId)), () -> records.latestOf(employeeId));
    }

    /**
     * Writes every record to {@code output}: from the cache when warm (the serialised listing as it
     * was written, nothing decoded), else streamed from a cursor, and the output's serialised copy
     * cached afterwards when the listing is no longer than the limit.
     */
    public void writeAll(ListingOutput<EmployeeAttendance> output) {
        Cached<byte[]> cached = cache.lookup(CachedReads.renderedAttendanceListing());
        if (cached instanceof Cached.Hit<byte[]> hit) {
            output.writeSerialised(hit.value());
            return;
        }
        int[] written = {0};
        records.forEachWithEmployee(entry -> {
            if (++written[0] > maxCachedListSize) {
                output.forgetCopy();
            }
            output.write(entry);
        });
        output.finish().ifPresent(((Cached.Miss<byte[]>) cached)::fill);
    }
}
