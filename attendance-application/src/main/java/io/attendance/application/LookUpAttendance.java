package io.attendance.application;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ReadCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The v1 reads: an employee's latest record, and every record. Both read through the cache. */
public final class LookUpAttendance {
    private final AttendanceRecords records;
    private final ReadCache cache;
    private final int maxCachedListSize;

    /**
     * @param maxCachedListSize the full list is cached only up to this many records; a longer one is
     *     streamed from the database every time, so memory stays bounded whatever the table size
     */
    public LookUpAttendance(AttendanceRecords records, ReadCache cache, int maxCachedListSize) {
        this.records = records;
        this.cache = cache;
        this.maxCachedListSize = maxCachedListSize;
    }

    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return ReadThrough.of(cache.latestAttendance(employeeId), () -> records.latestOf(employeeId));
    }

    /** Hands every record to {@code sink} in order, from the cache when warm, else from a cursor. */
    public void forEach(Consumer<EmployeeAttendance> sink) {
        Cached<List<EmployeeAttendance>> cached = cache.allAttendance();
        if (cached instanceof Cached.Hit<List<EmployeeAttendance>> hit) {
            hit.value().forEach(sink);
            return;
        }
        List<EmployeeAttendance> copy = new ArrayList<>();
        boolean[] fits = {true};
        records.forEachWithEmployee(entry -> {
            sink.accept(entry);
            if (fits[0]) {
                fits[0] = copy.size() < maxCachedListSize;
                if (fits[0]) {
                    copy.add(entry);
                } else {
                    copy.clear();
                }
            }
        });
        if (fits[0]) {
            ((Cached.Miss<List<EmployeeAttendance>>) cached).fill(List.copyOf(copy));
        }
    }
}
