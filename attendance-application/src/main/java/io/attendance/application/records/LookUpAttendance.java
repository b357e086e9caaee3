package io.attendance.application.records;

import io.attendance.application.reading.ReadThrough;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The v1 reads: an employee's latest record, and every record, both read through the cache; and
 * the plain reads of every record, or every record of a query, for Java callers.
 */
public final class LookUpAttendance {
    /**
     * Records read at a time for the full listing. Big enough that the statement per chunk costs
     * little next to its rows; small enough that a chunk in memory (about a kilobyte a record with its
     * employee) stays a couple of megabytes per listing, however many clients read at once.
     */
    static final int LISTING_CHUNK = 2_000;

    private final AttendanceRecords records;
    private final ReadThrough reads;
    private final int maxCachedListSize;
    private final int chunk;

    /**
     * @param maxCachedListSize the full list is cached only up to this many records; a longer one is
     *     read from the database every time, so memory stays bounded whatever the table size
     */
    public LookUpAttendance(AttendanceRecords records, ReadThrough reads, int maxCachedListSize) {
        this(records, reads, maxCachedListSize, LISTING_CHUNK);
    }

    /** For tests: a small chunk, to list many chunks from a few records. */
    LookUpAttendance(AttendanceRecords records, ReadThrough reads, int maxCachedListSize, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, was " + chunk);
        }
        this.records = records;
        this.reads = reads;
        this.maxCachedListSize = maxCachedListSize;
        this.chunk = chunk;
    }

    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return reads.of(CachedReads.latestAttendance(employeeId), () -> records.latestOf(employeeId));
    }

    /**
     * Writes every record to {@code output}: from the cache when warm (the serialised listing as it
     * was written, nothing decoded), else read from the system of record chunk by chunk, and the
     * output's serialised copy cached afterwards when the listing is no longer than the limit.
     * Concurrent misses share one read: the others write the copy it kept, or read on their own when
     * it kept none.
     *
     * <p>Each chunk is read, and its read finished, before it is written out: a client that reads
     * slowly holds no database connection and no transaction, only one chunk of memory. The listing is
     * complete and in order but no snapshot (see {@link AttendanceRecords#withEmployeeAfter}); a
     * listing read while a record changed is still cached only under the generation its lookup saw, so
     * it is never served after that change.
     */
    public void writeAll(ListingOutput<EmployeeAttendance> output) {
        CacheKey<byte[]> listing = CachedReads.renderedAttendanceListing();
        Cached<byte[]> cached = reads.lookup(listing);
        if (cached instanceof Cached.Hit<byte[]> hit) {
            output.writeSerialised(hit.value());
            return;
        }
        Cached.Miss<byte[]> miss = (Cached.Miss<byte[]>) cached;
        ReadThrough.Answer<Optional<byte[]>> copy = reads.shared(listing, miss, () -> list(output));
        if (copy.loadedHere()) {
            copy.value().ifPresent(miss::fill);
        } else if (copy.value().isPresent()) {
            output.writeSerialised(copy.value().get());
        } else {
            list(output).ifPresent(miss::fill);
        }
    }

    /** Writes every record to the output, chunk by chunk: its serialised copy, unless longer than the limit. */
    private Optional<byte[]> list(ListingOutput<EmployeeAttendance> output) {
        AtomicLong written = new AtomicLong();
        forEachRecord(entry -> {
            if (written.incrementAndGet() > maxCachedListSize) {
                output.forgetCopy();
            }
            output.write(entry);
        });
        return output.finish();
    }

    /**
     * Hands every record, with its employee, to {@code action}, by employee then date: read from the
     * system of record chunk by chunk, never from the cache (whose copy is serialised for the HTTP
     * listing), each chunk's read finished before it is handed on.
     */
    public void forEachRecord(Consumer<EmployeeAttendance> action) {
        inChunks(records::withEmployeeAfter, entry -> entry.record().key(), action);
    }

    /** Hands every record {@code query} matches to {@code action}, by date then employee, as {@link #forEachRecord(Consumer)}. */
    public void forEachRecord(AttendanceQuery query, Consumer<AttendanceRecord> action) {
        inChunks((after, limit) -> records.search(query, after, limit), AttendanceRecord::key, action);
    }

    /** Reads chunk after chunk, each starting after the last element of the one before, until a chunk is short. */
    private <T> void inChunks(BiFunction<Optional<AttendanceKey>, Integer, List<T>> read,
            Function<T, AttendanceKey> keyOf, Consumer<T> action) {
        Optional<AttendanceKey> after = Optional.empty();
        List<T> chunkRead;
        do {
            chunkRead = read.apply(after, chunk);
            chunkRead.forEach(action);
            if (!chunkRead.isEmpty()) {
                after = Optional.of(keyOf.apply(chunkRead.get(chunkRead.size() - 1)));
            }
        } while (chunkRead.size() == chunk);
    }
}
