package io.attendance.application.reading;

import static io.attendance.application.InMemoryApplication.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.records.LinesListing;
import io.attendance.application.records.LookUpAttendance;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.testing.ForwardingAttendanceRecords;
import io.attendance.testing.RecordSeeding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent misses of one slot read the system of record once, and never share a stale answer. */
class ReadThroughTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final int READERS = 16;
    private static final long PATIENCE_MILLIS = 10_000;

    private final InMemoryApplication app = new InMemoryApplication();
    private final GatedRecords gated = new GatedRecords(app.records);
    private final ReadThrough reads = new ReadThrough(app.cache, new PrefetchedLookups(), Duration.ofSeconds(30));
    private final LookUpAttendance lookUp = new LookUpAttendance(gated, reads, 100);

    ReadThroughTest() {
        app.recordAttendance.record(Commands.recordAttendance("E-1", "Ada", "Present", "2026-11-26"), ACTOR);
    }

    /**
     * Counts the reads of an employee's latest record and the full scans; the first of each runs
     * {@link #firstRead} before it reads, and the first scan runs {@link #firstScanRead} once it has read.
     */
    private static final class GatedRecords extends ForwardingAttendanceRecords {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger fullScans = new AtomicInteger();
        volatile Runnable firstRead = () -> {
        };
        volatile Runnable firstScanRead = () -> {
        };

        GatedRecords(AttendanceRecords delegate) {
            super(delegate);
        }

        @Override
        public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
            Optional<EmployeeAttendance> answer = super.latestOf(employeeId);
            if (reads.incrementAndGet() == 1) {
                firstRead.run();
            }
            return answer;
        }

        /** A full scan starts with the first chunk, the one after no position. */
        @Override
        public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
            boolean first = after.isEmpty() && fullScans.incrementAndGet() == 1;
            if (first) {
                firstRead.run();
            }
            List<EmployeeAttendance> chunk = super.withEmployeeAfter(after, limit);
            if (first) {
                firstScanRead.run();
            }
            return chunk;
        }
    }

    /** Readers released at once by {@link #start}; each counts itself arrived just before it reads. */
    private final class Readers {
        final AtomicInteger arrived = new AtomicInteger();
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        final List<FutureTask<Object>> answers = new ArrayList<>();

        Readers(int count) {
            this(count, () -> lookUp.latestOf(ADA));
        }

        Readers(int count, Callable<?> read) {
            for (int i = 0; i < count; i++) {
                FutureTask<Object> answer = new FutureTask<>(() -> {
                    start.await();
                    arrived.incrementAndGet();
                    return read.call();
                });
                answers.add(answer);
                threads.add(new Thread(answer, "reader-" + i));
            }
        }

        Readers start() {
            threads.forEach(Thread::start);
            start.countDown();
            return this;
        }

        /** Every reader has arrived, and every one but the caller is parked (waiting for a flight) or done. */
        void awaitOthersParked() {
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                if (arrived.get() == threads.size() && threads.stream()
                        .filter(thread -> thread != Thread.currentThread()).allMatch(Readers::parkedOrDone)) {
                    return;
                }
                Thread.onSpinWait();
            }
            throw new AssertionError("the readers never all arrived");
        }

        private static boolean parkedOrDone(Thread thread) {
            Thread.State state = thread.getState();
            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED;
        }

        List<Object> answers() throws Exception {
            List<Object> values = new ArrayList<>();
            for (FutureTask<Object> answer : answers) {
                values.add(answer.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            }
            return values;
        }
    }

    @Test
    void concurrentMissesOfOneKeyReadTheRecordsOnceAndAllGetThatAnswer() throws Exception {
        Readers readers = new Readers(READERS);
        gated.firstRead = () -> readers.awaitOthersParked();
        readers.start();
        List<Object> answers = readers.answers();

        assertThat(gated.reads.get()).isEqualTo(1);
        assertThat(answers).hasSize(READERS).containsOnly(lookUp.latestOf(ADA));
        assertThat(lookUp.latestOf(ADA)).map(found -> found.record().date()).contains(WorkDate.of(2026, 11, 26));
    }

    @Test
    void aReaderThatSawAWriteDoesNotTakeTheAnswerOfALeaderThatReadBeforeIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<Optional<EmployeeAttendance>> leader = leaderHeldAfterItsRead(lookUp, release);

        // a write commits and is acknowledged while the leader still holds what it read before
        app.recordAttendance.record(Commands.recordAttendance("E-1", "Ada", "Present", "2026-11-27"), ACTOR);
        FutureTask<Optional<EmployeeAttendance>> after = new FutureTask<>(() -> lookUp.latestOf(ADA));
        Thread afterThread = new Thread(after, "after-the-write");
        afterThread.start();
        awaitParkedOrDone(afterThread);
        release.countDown();

        assertThat(after.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).map(found -> found.record().date())
                .contains(WorkDate.of(2026, 11, 27));
        assertThat(leader.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).map(found -> found.record().date())
                .contains(WorkDate.of(2026, 11, 26));
        assertThat(lookUp.latestOf(ADA)).map(found -> found.record().date()).contains(WorkDate.of(2026, 11, 27));
    }

    /**
     * Writes keep moving the generations on while a load runs: the readers who missed under each
     * newer generation wait for it and then share one next load, which starts after all of them
     * looked up, instead of each generation loading on its own beside it.
     */
    @Test
    void missesUnderNewerGenerationsQueueForOneNextLoadThatServesThemAll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<Optional<EmployeeAttendance>> leader = leaderHeldAfterItsRead(lookUp, release);
        List<FutureTask<Optional<EmployeeAttendance>>> readers = new ArrayList<>();
        for (String date : List.of("2026-11-27", "2026-11-28")) {
            app.recordAttendance.record(Commands.recordAttendance("E-1", "Ada", "Present", date), ACTOR);
            for (int i = 0; i < READERS / 2; i++) {
                FutureTask<Optional<EmployeeAttendance>> reader = new FutureTask<>(() -> lookUp.latestOf(ADA));
                Thread thread = new Thread(reader, "reader-after-" + date + "-" + i);
                thread.start();
                awaitParkedOrDone(thread);
                readers.add(reader);
            }
        }
        release.countDown();

        for (FutureTask<Optional<EmployeeAttendance>> reader : readers) {
            assertThat(reader.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).map(found -> found.record().date())
                    .contains(WorkDate.of(2026, 11, 28));
        }
        assertThat(leader.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).map(found -> found.record().date())
                .contains(WorkDate.of(2026, 11, 26));
        assertThat(gated.reads.get()).as("the held load and one after it").isEqualTo(2);
        assertThat(reads.flightsInProgress()).isZero();
    }

    @Test
    void whenTheLeaderFailsEveryFollowerStillAnswers() throws Exception {
        Readers readers = new Readers(READERS);
        gated.firstRead = () -> {
            readers.awaitOthersParked();
            throw new IllegalStateException("the database went away");
        };
        readers.start();

        int failed = 0;
        List<Object> answered = new ArrayList<>();
        for (FutureTask<Object> answer : readers.answers) {
            try {
                answered.add(answer.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            } catch (ExecutionException leaderFailure) {
                assertThat(leaderFailure).hasCauseInstanceOf(IllegalStateException.class);
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(answered).hasSize(READERS - 1).containsOnly(lookUp.latestOf(ADA));
    }

    @Test
    void concurrentMissesOfTheFullListingScanTheRecordsOnceAndTheOthersWriteItsCopy() throws Exception {
        Readers readers = new Readers(READERS, () -> LinesListing.everyRecord(lookUp));
        gated.firstRead = () -> readers.awaitOthersParked();
        readers.start();

        assertThat(readers.answers()).hasSize(READERS).containsOnly(List.of("E-1 2026-11-26 PRESENT"));
        assertThat(gated.fullScans.get()).isEqualTo(1);
    }

    @Test
    void aListingTooLongToCacheHasNoCopyToShareSoEachReaderScansItself() throws Exception {
        LookUpAttendance uncached = new LookUpAttendance(gated, reads, 0);
        Readers readers = new Readers(READERS, () -> LinesListing.everyRecord(uncached));
        gated.firstRead = () -> readers.awaitOthersParked();
        readers.start();

        assertThat(readers.answers()).hasSize(READERS).containsOnly(List.of("E-1 2026-11-26 PRESENT"));
        assertThat(gated.fullScans.get()).isEqualTo(READERS);
    }

    /**
     * A leader whose listing was too long to keep leaves its followers to scan on their own. When
     * their scans fit (here a record went away after the leader read it, by a write whose
     * invalidation never reached the cache), they cache their copy, and the next reader is served it.
     */
    @Test
    void followersWhoScanOnTheirOwnCacheTheirCopyWhenItFits() throws Exception {
        WorkDate gone = WorkDate.of(2026, 11, 27);
        RecordSeeding.written(app.store.dayChanges(),
                AttendanceRecord.first(ADA, gone, AttendanceStatus.PRESENT, Instant.parse("2026-11-27T09:00:00Z")));
        LookUpAttendance cachingOne = new LookUpAttendance(gated, reads, 1);
        Readers readers = new Readers(READERS, () -> LinesListing.everyRecord(cachingOne));
        gated.firstRead = () -> readers.awaitOthersParked();
        gated.firstScanRead = () -> app.storedRecords.remove(ADA, gone, 1);
        readers.start();

        assertThat(readers.answers()).hasSize(READERS).containsOnlyOnce(List.of("E-1 2026-11-26 PRESENT", "E-1 2026-11-27 PRESENT"))
                .contains(List.of("E-1 2026-11-26 PRESENT"));
        assertThat(gated.fullScans.get()).as("the leader's scan and each follower's").isEqualTo(READERS);

        LinesListing next = new LinesListing();
        cachingOne.writeAll(next);
        assertThat(next.servedSerialised()).isTrue();
        assertThat(next.lines()).containsExactly("E-1 2026-11-26 PRESENT");
        assertThat(gated.fullScans.get()).isEqualTo(READERS);
    }

    @Test
    void aFollowerWhoseLeaderIsTooSlowReadsOnItsOwn() throws Exception {
        ReadThrough impatient = new ReadThrough(app.cache, new PrefetchedLookups(), Duration.ofMillis(50));
        LookUpAttendance impatientLookUp = new LookUpAttendance(gated, impatient, 100);
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<Optional<EmployeeAttendance>> leader = leaderHeldAfterItsRead(impatientLookUp, release);

        Optional<EmployeeAttendance> follower = impatientLookUp.latestOf(ADA);
        release.countDown();

        assertThat(follower).isEqualTo(leader.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
        assertThat(gated.reads.get()).isEqualTo(2);
    }

    @Test
    void noFlightOutlivesItsLoadWhetherItAnswersOrFails() throws Exception {
        Readers readers = new Readers(READERS);
        gated.firstRead = () -> readers.awaitOthersParked();
        readers.start();
        readers.answers();
        assertThat(reads.flightsInProgress()).isZero();

        ReadThrough failing = new ReadThrough(app.cache, new PrefetchedLookups(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> failing.of(io.attendance.domain.port.CachedReads.employee(ADA), () -> {
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(failing.flightsInProgress()).isZero();
    }

    /** Ada's latest record looked up on a thread of its own, returned once it has read and is held until released. */
    private FutureTask<Optional<EmployeeAttendance>> leaderHeldAfterItsRead(LookUpAttendance reader,
            CountDownLatch release) throws InterruptedException {
        CountDownLatch leaderRead = new CountDownLatch(1);
        gated.firstRead = () -> {
            leaderRead.countDown();
            awaitUninterruptibly(release);
        };
        FutureTask<Optional<EmployeeAttendance>> leader = new FutureTask<>(() -> reader.latestOf(ADA));
        new Thread(leader, "leader").start();
        assertThat(leaderRead.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        return leader;
    }

    private static void awaitParkedOrDone(Thread thread) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING
                && thread.getState() != Thread.State.TERMINATED) {
            assertThat(System.currentTimeMillis()).as("the reader never parked nor finished").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
