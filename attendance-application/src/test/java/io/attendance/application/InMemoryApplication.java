package io.attendance.application;

import io.attendance.application.access.SignInPolicy;
import io.attendance.application.employees.EmployeeReads;
import io.attendance.application.employees.EmployeeWrites;
import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.records.RecordReads;
import io.attendance.application.records.RecordWrites;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.LookUpAttendance;
import io.attendance.application.records.RecordAttendance;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Persistence;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import io.attendance.testing.AuditHistories;
import io.attendance.testing.ForwardingPersistence;
import io.attendance.testing.InMemoryApiKeys;
import io.attendance.testing.InMemoryAttendanceRecords;
import io.attendance.testing.InMemoryAuditTrail;
import io.attendance.testing.InMemoryDayChanges;
import io.attendance.testing.InMemoryEmployees;
import io.attendance.testing.InMemoryLoginAttempts;
import io.attendance.testing.InMemoryPersistence;
import io.attendance.testing.InMemoryReadCache;
import io.attendance.testing.InMemorySessionStore;
import io.attendance.testing.InMemoryStore;
import io.attendance.testing.InMemoryUsers;
import io.attendance.testing.SaltedDigestPasswordHashing;
import io.attendance.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The use cases over the in-memory store and fakes of attendance-testing, with a fixed clock: "now"
 * is 2026-11-27T09:00Z, so the booking window ends on 2027-11-28. One per test.
 */
public final class InMemoryApplication {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    public static final byte[] SECRET = "a test secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
    public static final String ACTOR = "anonymous";
    public static final SignInPolicy SIGN_IN = SignInPolicy.DEFAULT;

    public final InMemoryPersistence store = new InMemoryPersistence();
    public final InMemoryStore db = store.transactions();
    public final InMemoryEmployees employees = store.employees();
    public final InMemoryAttendanceRecords storedRecords = store.attendanceRecords();
    public final InMemoryAuditTrail audit = store.auditTrail();
    /** Every change the use cases told the cache of, in order. */
    public final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
    public final InMemoryReadCache cache = new InMemoryReadCache(
            changed -> invalidations.add(new Invalidation(changed, db.inUnitOfWork())));
    public final InMemoryUsers users = store.users();
    public final InMemoryApiKeys apiKeys = store.apiKeys();
    /** "Now" for sessions and sign-in counts, which tests move; the other use cases keep {@link #CLOCK}. */
    public final SettableClock clock = new SettableClock(CLOCK.instant());
    public final InMemorySessionStore sessions = new InMemorySessionStore(clock::instant);
    /** While set, every call of the session store the use cases see fails as an unreachable one does. */
    public final AtomicBoolean sessionStoreDown = new AtomicBoolean();
    /** Lookups the use cases made in the cache on their own, not with a session check. */
    public final AtomicInteger cacheLookups = new AtomicInteger();
    public final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts(clock::instant);
    public final SaltedDigestPasswordHashing hashing = new SaltedDigestPasswordHashing();
    public final AttendanceRecords records;
    public final UseCases useCases;
    public final EmployeeWrites employeeWrites;
    public final EmployeeReads employeeReads;
    public final RecordWrites recordWrites;
    public final RecordReads recordReads;
    public final ImportBatch importBatch;
    public final RecordAttendance recordAttendance;
    public final LookUpAttendance lookUpAttendance;

    /**
     * One call of {@link io.attendance.domain.port.ReadCache#employeeChanged}, and whether the caller was
     * still inside its unit of work: then a reader could refill the cache with the old state under the
     * new generation before the change commits.
     */
    public record Invalidation(EmployeeId employeeId, boolean beforeCommit) {
    }

    public InMemoryApplication() {
        this(records -> records);
    }

    /** Over other attendance records, such as a decorator of the in-memory ones that counts or fails calls. */
    public InMemoryApplication(UnaryOperator<AttendanceRecords> decorate) {
        records = decorate.apply(storedRecords);
        useCases = with(records, daysOver(records));
        employeeWrites = useCases.attendance().employeeWrites();
        employeeReads = useCases.attendance().employeeReads();
        recordWrites = useCases.attendance().recordWrites();
        recordReads = useCases.attendance().recordReads();
        importBatch = useCases.attendance().importBatch();
        recordAttendance = useCases.attendance().recordAttendance();
        lookUpAttendance = useCases.attendance().lookUpAttendance();
    }

    /** The use cases over the same store and cache, reading and writing records through {@code records}. */
    public Attendance withRecords(AttendanceRecords records) {
        return with(records, daysOver(records)).attendance();
    }

    /** The use cases over the same store and cache, writing days through {@code days}. */
    public Attendance withDayChanges(DayChanges days) {
        return with(records, days).attendance();
    }

    private DayChanges daysOver(AttendanceRecords records) {
        return new InMemoryDayChanges(db, employees, records, audit);
    }

    private UseCases with(AttendanceRecords records, DayChanges days) {
        Persistence persistence = new ForwardingPersistence(store) {
            @Override
            public AttendanceRecords attendanceRecords() {
                return records;
            }

            @Override
            public DayChanges dayChanges() {
                return days;
            }
        };
        return UseCases.assemble(new Ports(persistence, lookupsCounted(), () -> true, sessionStore(), loginAttempts, hashing),
                new UseCaseSettings(clock, DEFAULT_ZONE, new CursorCodec(SECRET), 1_000, SIGN_IN));
    }

    /** {@link #cache}, each lookup counted in {@link #cacheLookups}. */
    private ReadCache lookupsCounted() {
        return new ReadCache() {
            @Override
            public <V> Cached<V> lookup(CacheKey<V> key) {
                cacheLookups.incrementAndGet();
                return cache.lookup(key);
            }

            @Override
            public void employeeChanged(EmployeeId employeeId) {
                cache.employeeChanged(employeeId);
            }

            @Override
            public void catchUp(Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> changesAfter) {
                cache.catchUp(changesAfter);
            }
        };
    }

    /**
     * {@link #sessions}, unreachable while {@link #sessionStoreDown} is set, holding {@link #cache} as
     * Redis holds both: a session check looks up the entry a request reads first in the same call.
     */
    private SessionStore sessionStore() {
        return new SessionStore() {
            @Override
            public <V> SessionUse<V> useAndLookUp(String tokenDigest, Duration idle, Instant now, CacheKey<V> key) {
                Optional<Session> session = reachable().use(tokenDigest, idle, now);
                return new SessionUse<>(session, session.map(open -> cache.lookup(key)));
            }

            @Override
            public void open(String tokenDigest, Session session, Duration idle) {
                reachable().open(tokenDigest, session, idle);
            }

            @Override
            public Optional<Session> use(String tokenDigest, Duration idle, Instant now) {
                return reachable().use(tokenDigest, idle, now);
            }

            @Override
            public void close(String tokenDigest) {
                reachable().close(tokenDigest);
            }

            @Override
            public void closeAllOf(Username username) {
                reachable().closeAllOf(username);
            }

            private SessionStore reachable() {
                if (sessionStoreDown.get()) {
                    throw Unavailable.withPublicReason("session store unavailable", new IllegalStateException("down"));
                }
                return sessions;
            }
        };
    }

    /** The application with two employees: Ada works in Paris for Ops, Bob in Los Angeles for Sales. */
    public static InMemoryApplication staffed(InMemoryApplication app) {
        app.hire("E-1", "Ada Lovelace", "Ops", "Europe/Paris");
        app.hire("E-2", "Bob", "Sales", "America/Los_Angeles");
        return app;
    }

    /** What the audit trail says happened to one record, oldest first. */
    public List<AuditAction> auditActions(EmployeeId employeeId, WorkDate date) {
        return AuditHistories.of(audit, employeeId, date).stream().map(AuditEvent::action).toList();
    }

    /** An employee created through the service: active, in {@code zone}, with a department when given. */
    public EmployeeId hire(String id, String name, String department, String zone) {
        return employeeWrites.put(Commands.putEmployee(id, name, department, zone, true),
                Precondition.NONE, ACTOR).value().id();
    }

    public static boolean isHit(Cached<?> lookup) {
        return lookup instanceof Cached.Hit<?>;
    }

    /** Every item of a listing, page after page, following each page's next cursor until there is none. */
    public static <T> List<T> allPages(BiFunction<Optional<String>, Optional<Integer>, Page<T>> list, int limit) {
        List<T> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int pages = 0; pages < 10_000; pages++) {
            Page<T> page = list.apply(cursor, Optional.of(limit));
            seen.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return seen;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("the listing never ended");
    }
}
