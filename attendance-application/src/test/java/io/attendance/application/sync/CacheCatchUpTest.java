package io.attendance.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.testing.InMemoryAuditTrail;
import io.attendance.testing.InMemoryChangeFeed;
import io.attendance.testing.InMemoryReadCache;
import io.attendance.testing.InMemoryStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CacheCatchUpTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId BOB = new EmployeeId("B-2");

    private final InMemoryStore db = new InMemoryStore();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail(db);
    private final InMemoryReadCache cache = new InMemoryReadCache();
    private final CacheCatchUp catchUp = new CacheCatchUp(new InMemoryChangeFeed(db), cache);

    /** A change committed by a writer whose invalidation never reached the cache. */
    private void changedUnheardOf(EmployeeId employee) {
        Employee created = Employee.first(employee, EmployeeDetails.named("Someone", ZoneOffset.UTC), Instant.EPOCH);
        audit.append(EmployeeAuditEvent.created(created, "user:alice"));
    }

    private static CacheKey<Optional<EmployeeAttendance>> latest(EmployeeId employee) {
        return CachedReads.latestAttendance(employee);
    }

    @SuppressWarnings("unchecked")
    private void cacheNothingFor(EmployeeId employee) {
        Cached<Optional<EmployeeAttendance>> lookup = cache.lookup(latest(employee));
        assertThat(lookup).isInstanceOf(Cached.Miss.class);
        ((Cached.Miss<Optional<EmployeeAttendance>>) lookup).fill(Optional.empty());
    }

    @Test
    void aFirstCatchUpDropsEverythingAndTheNextOnesDropOnlyWhatChangedSince() {
        changedUnheardOf(ADA);
        cacheNothingFor(ADA);
        cacheNothingFor(BOB);

        catchUp.run();

        assertThat(cache.lookup(latest(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(latest(BOB))).isInstanceOf(Cached.Miss.class);
        cacheNothingFor(ADA);
        cacheNothingFor(BOB);
        catchUp.run();
        assertThat(cache.lookup(latest(ADA))).as("changed before the first catch-up").isInstanceOf(Cached.Hit.class);

        changedUnheardOf(ADA);
        assertThat(cache.lookup(latest(ADA))).as("the failure mode").isInstanceOf(Cached.Hit.class);
        catchUp.run();

        assertThat(cache.lookup(latest(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(latest(BOB))).isInstanceOf(Cached.Hit.class);
    }

    @Test
    void moreEmployeesChangedThanItNamesDropEverything() {
        catchUp.run();
        cacheNothingFor(BOB);
        IntStream.rangeClosed(0, CacheCatchUp.MAX_NAMED).forEach(i -> changedUnheardOf(new EmployeeId("X-" + i)));

        catchUp.run();

        assertThat(cache.lookup(latest(BOB))).isInstanceOf(Cached.Miss.class);
    }
}
