package io.attendance.application;

import io.attendance.application.employees.EmployeeReads;
import io.attendance.application.employees.EmployeeWrites;
import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.PrefetchedLookups;
import io.attendance.application.reading.ReadThrough;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.LookUpAttendance;
import io.attendance.application.records.RecordAttendance;
import io.attendance.application.records.RecordReads;
import io.attendance.application.records.RecordWrites;
import io.attendance.application.sync.CacheCatchUp;
import io.attendance.application.sync.SyncAttendance;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Persistence;
import io.attendance.domain.port.ReadCache;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The attendance core as a library: the entry point for a JVM service that records and reads
 * attendance in its own process, over a store it provides. Build one with {@link #builder()}, keep
 * it for the life of the process (it is thread-safe), and call the use cases it exposes:
 *
 * <pre>{@code
 * Attendance attendance = Attendance.builder()
 *         .persistence(store)          // PostgresDatabase, InMemoryPersistence, or your own Persistence
 *         .build();
 * attendance.recordAttendance().record(
 *         new RecordAttendanceCommand(new EmployeeId("E-1"), Optional.of("Ada"), AttendanceStatus.PRESENT,
 *                 WorkDate.of(2026, 11, 27)),
 *         "payroll-import");
 * attendance.forEachRecord(record -> System.out.println(record));
 * }</pre>
 *
 * <p>Every write takes an {@code actor}: the name the audit trail keeps as the author of the change
 * (a user, a system, a job). Writes are atomic: a call that throws has stored nothing. Invalid input
 * is a {@link io.attendance.domain.error.ValidationFailed}, naming the field; a missing employee or
 * record a {@link io.attendance.domain.error.NotFound}; a write that contradicts what is stored a
 * {@link io.attendance.domain.error.Conflict}, or a
 * {@link io.attendance.domain.error.PreconditionFailed} when a {@link Precondition} is not met.
 *
 * <p>Sign-in, users, sessions and API keys are not here: they belong to the HTTP service, which
 * needs a session store and password hashing that an embedding service does not.
 * {@link UseCases#assemble} builds those on top of the same attendance use cases.
 */
public final class Attendance {
    /** The longest full listing the read cache keeps, unless set otherwise. */
    public static final int DEFAULT_MAX_CACHED_LIST_SIZE = 10_000;

    private final RecordAttendance recordAttendance;
    private final LookUpAttendance lookUpAttendance;
    private final EmployeeWrites employeeWrites;
    private final EmployeeReads employeeReads;
    private final RecordWrites recordWrites;
    private final RecordReads recordReads;
    private final ImportBatch importBatch;
    private final SyncAttendance syncAttendance;
    private final CheckHealth checkHealth;
    private final CacheCatchUp cacheCatchUp;

    private Attendance(Persistence store, ReadCache cache, HealthProbe cacheHealth, Clock clock, ZoneId defaultZone,
            CursorCodec cursors, int maxCachedListSize, PrefetchedLookups prefetched) {
        ReadThrough reads = new ReadThrough(cache, prefetched, ReadThrough.FOLLOWER_WAIT);
        recordAttendance = new RecordAttendance(store.dayChanges(), cache, clock, defaultZone);
        lookUpAttendance = new LookUpAttendance(store.attendanceRecords(), reads, maxCachedListSize);
        employeeWrites = new EmployeeWrites(store.transactions(), store.employees(), store.auditTrail(), cache, clock);
        employeeReads = new EmployeeReads(store.transactions(), store.employees(), store.auditTrail(), reads, cursors);
        recordWrites = new RecordWrites(store.transactions(), store.dayChanges(), store.attendanceRecords(),
                store.auditTrail(), cache, clock);
        recordReads = new RecordReads(store.employees(), store.attendanceRecords(), store.auditTrail(), reads, cursors);
        importBatch = new ImportBatch(store.dayChanges(), cache, clock);
        syncAttendance = new SyncAttendance(store.changeFeed(), cursors);
        checkHealth = new CheckHealth(store.healthProbe(), cacheHealth, clock);
        cacheCatchUp = new CacheCatchUp(store.changeFeed(), cache);
    }

    /**
     * The one wiring of the attendance use cases: the builder's, and {@link UseCases#assemble}'s, whose
     * sign-ins make the lookups ahead that these use cases take.
     */
    static Attendance assemble(Persistence store, ReadCache cache, HealthProbe cacheHealth,
            UseCaseSettings settings, PrefetchedLookups prefetched) {
        return new Attendance(store, cache, cacheHealth, settings.clock(), settings.defaultTimezone(),
                settings.cursors(), settings.maxCachedListSize(), prefetched);
    }

    /** Starts an {@code Attendance}; only {@link Builder#persistence} must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The system clock in UTC, ticking in whole microseconds. The default "now" of every write,
     * because PostgreSQL keeps timestamps to the microsecond: with a clock that reads nanoseconds, the
     * value a write returns would differ from the same value read back, and a version timestamp or an
     * {@code updatedSince} filter compared with it would be off by the dropped digits.
     */
    public static Clock microsecondClock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }

    /** The v1 write: records one day, creating the employee on first sight. */
    public RecordAttendance recordAttendance() {
        return recordAttendance;
    }

    /** The v1 reads: an employee's latest record, and the full listing for an output format of yours. */
    public LookUpAttendance lookUpAttendance() {
        return lookUpAttendance;
    }

    /** Employees' writes: create or replace, deactivate. */
    public EmployeeWrites employeeWrites() {
        return employeeWrites;
    }

    /** Employees' reads: one, a page of the listing at a time, an employee's history. */
    public EmployeeReads employeeReads() {
        return employeeReads;
    }

    /** Records' writes: create or replace, delete. */
    public RecordWrites recordWrites() {
        return recordWrites;
    }

    /** Records' reads: one day's, an employee's range, search a page at a time, a record's history. */
    public RecordReads recordReads() {
        return recordReads;
    }

    /** Many days written in one atomic unit. */
    public ImportBatch importBatch() {
        return importBatch;
    }

    /** The change feed: every record change after a position, for a copy kept elsewhere. */
    public SyncAttendance syncAttendance() {
        return syncAttendance;
    }

    /** Whether the store (required) and the read cache (optional) answer. */
    public CheckHealth checkHealth() {
        return checkHealth;
    }

    /**
     * Brings a shared read cache up to date with changes it may have missed. Run it periodically
     * (every few seconds) when several processes share one cache; without a cache it does nothing.
     */
    public CacheCatchUp cacheCatchUp() {
        return cacheCatchUp;
    }

    /**
     * Hands every stored record, with its employee, to {@code action}: ordered by employee id, then
     * date. Read from the store a chunk at a time, so memory stays constant however many records
     * there are; each chunk's read is over before its records are handed on, so a slow
     * {@code action} holds no connection or transaction. Complete and in order, but no snapshot: a
     * record written meanwhile may or may not appear, none appears twice.
     */
    public void forEachRecord(Consumer<EmployeeAttendance> action) {
        lookUpAttendance.forEachRecord(action);
    }

    /**
     * Hands every record {@code query} matches to {@code action}, ordered by date, then employee id;
     * read a chunk at a time as {@link #forEachRecord(Consumer)} is. A query spans at most
     * {@value AttendanceQuery#MAX_DAYS} days.
     */
    public void forEachRecord(AttendanceQuery query, Consumer<AttendanceRecord> action) {
        lookUpAttendance.forEachRecord(query, action);
    }

    /**
     * What an {@link Attendance} is built from. Everything but the persistence has a default that
     * suits one process; set the cursor secret when several processes serve the same clients.
     */
    public static final class Builder {
        private Persistence persistence;
        private ReadCache readCache = ReadCache.none();
        private HealthProbe readCacheHealth = () -> true;
        private Clock clock = microsecondClock();
        private ZoneId defaultZone = ZoneOffset.UTC;
        private byte[] cursorSecret;
        private int maxCachedListSize = DEFAULT_MAX_CACHED_LIST_SIZE;

        private Builder() {
        }

        /** The system of record: employees, records, their audit trail and change feed. Required. */
        public Builder persistence(Persistence persistence) {
            this.persistence = Objects.requireNonNull(persistence, "persistence");
            return this;
        }

        /**
         * A cache for frequent reads, such as the Redis adapter's. By default there is none
         * ({@link ReadCache#none()}): every read goes to the store, which is always correct.
         *
         * @param health whether the cache answers, reported by {@link #checkHealth()}
         */
        public Builder readCache(ReadCache cache, HealthProbe health) {
            this.readCache = Objects.requireNonNull(cache, "cache");
            this.readCacheHealth = Objects.requireNonNull(health, "health");
            return this;
        }

        /**
         * "Now" for versions, audit events and the booking window. By default
         * {@link Attendance#microsecondClock()}; a clock of your own should tick in whole microseconds
         * too when the store is PostgreSQL.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The time zone of employees created without one (the v1 write never gives one). UTC by default. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The key (16 bytes or more) that signs page cursors and sync tokens. By default a random one
         * per {@code Attendance}: a cursor is then valid only in this process until it stops. Give
         * every process that serves the same clients the same secret.
         */
        public Builder cursorSecret(byte[] secret) {
            this.cursorSecret = Objects.requireNonNull(secret, "secret").clone();
            return this;
        }

        /**
         * The full listing is kept in the read cache only up to this many records; a longer one is
         * read from the store every time. {@value Attendance#DEFAULT_MAX_CACHED_LIST_SIZE} by default;
         * without a read cache it does not matter.
         */
        public Builder maxCachedListSize(int records) {
            if (records < 0) {
                throw new IllegalArgumentException("maxCachedListSize must not be negative, was " + records);
            }
            this.maxCachedListSize = records;
            return this;
        }

        /** @throws IllegalStateException when no persistence was given */
        public Attendance build() {
            if (persistence == null) {
                throw new IllegalStateException("an Attendance needs a persistence: call persistence(...) first");
            }
            CursorCodec cursors = cursorSecret == null ? CursorCodec.withRandomSecret() : new CursorCodec(cursorSecret);
            return new Attendance(persistence, readCache, readCacheHealth, clock, defaultZone, cursors,
                    maxCachedListSize, new PrefetchedLookups());
        }
    }
}
