package io.attendance.application.records;

import static io.attendance.application.InMemoryApplication.DEFAULT_ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.application.InMemoryApplication;
import io.attendance.application.reading.PrefetchedLookups;
import io.attendance.application.reading.ReadThrough;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.testing.ForwardingAttendanceRecords;
import io.attendance.testing.RecordSeeding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookUpAttendanceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final InMemoryApplication app = new InMemoryApplication();
    private final CountingRecords counting = new CountingRecords(app.records);

    private void storeDays(String id, int days) {
        Employee employee = Employee.first(new EmployeeId(id), EmployeeDetails.named("Employee " + id, DEFAULT_ZONE), NOW);
        app.employees.add(employee);
        for (int day = 1; day <= days; day++) {
            RecordSeeding.written(app.store.dayChanges(),
                    AttendanceRecord.first(employee.id(), WorkDate.of(2026, 11, day), AttendanceStatus.PRESENT, NOW));
        }
    }

    private List<String> all(LookUpAttendance lookUp) {
        return LinesListing.everyRecord(lookUp);
    }

    @Test
    void aSecondSearchOfTheSameEmployeeIsServedFromTheCache() {
        storeDays("E-1", 2);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 100);

        Optional<EmployeeAttendance> first = lookUp.latestOf(new EmployeeId("E-1"));
        Optional<EmployeeAttendance> second = lookUp.latestOf(new EmployeeId("E-1"));

        assertThat(second).isEqualTo(first);
        assertThat(first).map(found -> found.record().date()).contains(WorkDate.of(2026, 11, 2));
        assertThat(counting.latestReads.get()).isEqualTo(1);
    }

    @Test
    void anUnknownEmployeeIsLookedUpOnceToo() {
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 100);

        assertThat(lookUp.latestOf(new EmployeeId("nobody"))).isEmpty();
        assertThat(lookUp.latestOf(new EmployeeId("nobody"))).isEmpty();
        assertThat(counting.latestReads.get()).isEqualTo(1);
    }

    @Test
    void aSmallFullListIsCachedAfterBeingStreamedOnceAndThenServedSerialised() {
        storeDays("E-1", 3);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 3);
        List<String> expected = List.of("E-1 2026-11-01 PRESENT", "E-1 2026-11-02 PRESENT", "E-1 2026-11-03 PRESENT");

        LinesListing first = new LinesListing();
        lookUp.writeAll(first);
        LinesListing second = new LinesListing();
        lookUp.writeAll(second);

        assertThat(first.lines()).isEqualTo(expected);
        assertThat(first.servedSerialised()).isFalse();
        assertThat(first.finished()).isTrue();
        assertThat(second.lines()).isEqualTo(expected);
        assertThat(second.servedSerialised()).isTrue();
        assertThat(counting.fullScans.get()).isEqualTo(1);
    }

    @Test
    void anEmptyFullListIsCachedToo() {
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 3);

        assertThat(all(lookUp)).isEmpty();
        assertThat(all(lookUp)).isEmpty();

        assertThat(counting.fullScans.get()).isEqualTo(1);
    }

    @Test
    void aFullListLongerThanTheLimitIsStreamedEveryTimeAndNeverCached() {
        storeDays("E-1", 4);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 3);

        assertThat(all(lookUp)).hasSize(4).last().isEqualTo("E-1 2026-11-04 PRESENT");
        assertThat(all(lookUp)).hasSize(4);

        assertThat(counting.fullScans.get()).isEqualTo(2);
        assertThat(app.cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
    }

    @Test
    void aLongListingIsReadChunkByChunkAndNothingIsWrittenWhileAChunkIsBeingRead() {
        storeDays("E-2", 3);
        storeDays("E-1", 4);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 3, 2);
        List<Boolean> readingAtWrite = new ArrayList<>();
        LinesListing output = new LinesListing() {
            @Override
            public void write(EmployeeAttendance element) {
                readingAtWrite.add(counting.reading);
                super.write(element);
            }
        };

        lookUp.writeAll(output);

        assertThat(output.lines()).containsExactly(
                "E-1 2026-11-01 PRESENT", "E-1 2026-11-02 PRESENT", "E-1 2026-11-03 PRESENT", "E-1 2026-11-04 PRESENT",
                "E-2 2026-11-01 PRESENT", "E-2 2026-11-02 PRESENT", "E-2 2026-11-03 PRESENT");
        assertThat(readingAtWrite).hasSize(7).containsOnly(false);
        assertThat(counting.chunkReads.get()).isEqualTo(4);
        assertThat(counting.fullScans.get()).isEqualTo(1);
    }

    @Test
    void aListingThatFillsItsLastChunkExactlyEndsWithAnEmptyRead() {
        storeDays("E-1", 4);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 100, 2);

        assertThat(all(lookUp)).hasSize(4);
        assertThat(counting.chunkReads.get()).isEqualTo(3);
        assertThat(all(lookUp)).hasSize(4);
        assertThat(counting.chunkReads.get()).as("the second listing comes from the cache").isEqualTo(3);
    }

    @Test
    void everyRecordIsHandedOverChunkByChunkFromTheStoreEvenWhenTheListingIsCached() {
        storeDays("E-2", 2);
        storeDays("E-1", 3);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 100, 2);
        all(lookUp);
        int chunkReadsBefore = counting.chunkReads.get();
        List<String> handed = new ArrayList<>();
        List<Boolean> readingAtHandOver = new ArrayList<>();

        lookUp.forEachRecord(entry -> {
            readingAtHandOver.add(counting.reading);
            handed.add(LinesListing.line(entry));
        });

        assertThat(handed).containsExactly("E-1 2026-11-01 PRESENT", "E-1 2026-11-02 PRESENT", "E-1 2026-11-03 PRESENT",
                "E-2 2026-11-01 PRESENT", "E-2 2026-11-02 PRESENT");
        assertThat(readingAtHandOver).containsOnly(false);
        assertThat(counting.chunkReads.get() - chunkReadsBefore).as("three chunks of two, none from the cache").isEqualTo(3);
    }

    @Test
    void theRecordsOfAQueryAreHandedOverByDateThenEmployeeChunkByChunk() {
        storeDays("E-2", 4);
        storeDays("E-1", 4);
        LookUpAttendance lookUp = new LookUpAttendance(counting, new ReadThrough(app.cache, new PrefetchedLookups(), ReadThrough.FOLLOWER_WAIT), 100, 3);
        List<String> handed = new ArrayList<>();

        lookUp.forEachRecord(AttendanceQuery.between(WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 3)),
                record -> handed.add(record.employeeId().value() + " " + record.date()));

        assertThat(handed).containsExactly("E-1 2026-11-02", "E-2 2026-11-02", "E-1 2026-11-03", "E-2 2026-11-03");
        assertThat(counting.searches.get()).as("a chunk of three, then the last one").isEqualTo(2);
    }

    /** Counts how often the system of record is asked, to see what the cache saves. */
    private static final class CountingRecords extends ForwardingAttendanceRecords {
        private final AtomicInteger latestReads = new AtomicInteger();
        private final AtomicInteger fullScans = new AtomicInteger();
        private final AtomicInteger chunkReads = new AtomicInteger();
        private final AtomicInteger searches = new AtomicInteger();
        private volatile boolean reading;

        CountingRecords(AttendanceRecords delegate) {
            super(delegate);
        }

        @Override
        public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
            latestReads.incrementAndGet();
            return super.latestOf(employeeId);
        }

        @Override
        public List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
            searches.incrementAndGet();
            return super.search(query, after, limit);
        }

        @Override
        public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
            if (after.isEmpty()) {
                fullScans.incrementAndGet();
            }
            chunkReads.incrementAndGet();
            reading = true;
            try {
                return super.withEmployeeAfter(after, limit);
            } finally {
                reading = false;
            }
        }
    }
}
