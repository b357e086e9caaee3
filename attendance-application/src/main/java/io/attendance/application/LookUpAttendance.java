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
    private final ReadThrough reads;
    private final int maxCachedListSize;

    /**
     * @param maxCachedListSize the full list is cached only up to this many records; a longer one is
     *     streamed from the database every time, so memory stays bounded whatever the table size
     */
    LookUpAttendance(AttendanceRecords records, ReadCache cache, ReadThrough reads, int maxCachedListSize) {
        this.records = records;
        this.cache = cache;
        this.reads = reads;
        this.maxCachedListSize = maxCachedListSize;
    }

    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return reads.of(CachedReads.latestAttendance(employeeId), () -> records.latestOf(employeeId));
    }

    /**
     * Writes every record to {@code output}: from the cache when warm (the serialised listing as it
     * was written, nothing decoded), else streamed from a cursor, and the output's serialised copy
     * cached afterwards when the listing is no longer than the limit. Concurrent misses share one
     * stream: the others write the copy it kept, or stream on their own when it kept none.
     */
    public void writeAll(ListingOutput<EmployeeAttendance> output) {
        Cached<byte[]> cached = cache.lookup(CachedReads.renderedAttendanceListing());
        if (cached instanceof Cached.Hit<byte[]> hit) {
            output.writeSerialised(hit.value());
            return;
        }
        Cached.Miss<byte[]> miss = (Cached.Miss<byte[]>) cached;
        ReadThrough.Answer<Optional<byte[]>> copy = reads.shared(miss, () -> stream(output));
        if (copy.loadedHere()) {
            copy.value().ifPresent(miss::fill);
        } else if (copy.value().isPresent()) {
            output.writeSerialised(copy.value().get());
        } else {
            stream(output).ifPresent(miss::fill);
        }
    }

    /** Streams every record to the output: its serialised copy, unless longer than the limit. */
    private Optional<byte[]> stream(ListingOutput<EmployeeAttendance> output) {
        int[] written = {0};
        records.forEachWithEmployee(entry -> {
            if (++written[0] > maxCachedListSize) {
                output.forgetCopy();
            }
            output.write(entry);
        });
        return output.finish();
    }
}
