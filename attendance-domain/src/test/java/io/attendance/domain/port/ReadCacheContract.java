package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReadCache} promises; run against the in-memory fake and the Redis adapter. */
public abstract class ReadCacheContract {
    private static final Employee ADA = new Employee(new EmployeeId("E-1"), "Ada Lovelace");
    private static final Employee BOB = new Employee(new EmployeeId("B-2"), "Bob");
    private static final EmployeeAttendance ADA_PRESENT = new EmployeeAttendance(ADA, AttendanceRecord.first(
            ADA.id(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT, Instant.parse("2026-11-27T08:30:00.123456Z")));
    private static final EmployeeAttendance BOB_ON_LEAVE = new EmployeeAttendance(BOB, AttendanceRecord.first(
            BOB.id(), WorkDate.of(2026, 11, 26), AttendanceStatus.ON_LEAVE, Instant.parse("2026-11-26T17:00:00Z")));

    protected ReadCache cache;

    /** A cache with no entries; each call may share the backing server with the previous one. */
    protected abstract ReadCache emptyCache();

    @BeforeEach
    void openEmptyCache() {
        cache = emptyCache();
    }

    @SuppressWarnings("unchecked")
    private static <T> void fill(Cached<T> lookup, T value) {
        assertThat(lookup).isInstanceOf(Cached.Miss.class);
        ((Cached.Miss<T>) lookup).fill(value);
    }

    private static <T> T hitValue(Cached<T> lookup) {
        assertThat(lookup).isInstanceOf(Cached.Hit.class);
        return ((Cached.Hit<T>) lookup).value();
    }

    @Test
    void aFilledEntryIsAHitWithAnEqualValue() {
        fill(cache.latestAttendance(ADA.id()), Optional.of(ADA_PRESENT));
        fill(cache.allAttendance(), List.of(BOB_ON_LEAVE, ADA_PRESENT));

        assertThat(hitValue(cache.latestAttendance(ADA.id()))).contains(ADA_PRESENT);
        assertThat(hitValue(cache.allAttendance())).containsExactly(BOB_ON_LEAVE, ADA_PRESENT);
    }

    @Test
    void anEmptyAnswerIsCachedToo() {
        fill(cache.latestAttendance(ADA.id()), Optional.empty());

        assertThat(hitValue(cache.latestAttendance(ADA.id()))).isEmpty();
    }

    @Test
    void aChangeHidesTheEmployeesEntryAndTheFullListButNotOtherEmployees() {
        fill(cache.latestAttendance(ADA.id()), Optional.of(ADA_PRESENT));
        fill(cache.latestAttendance(BOB.id()), Optional.of(BOB_ON_LEAVE));
        fill(cache.allAttendance(), List.of(BOB_ON_LEAVE, ADA_PRESENT));

        cache.attendanceChanged(ADA.id());

        assertThat(cache.latestAttendance(ADA.id())).isInstanceOf(Cached.Miss.class);
        assertThat(cache.allAttendance()).isInstanceOf(Cached.Miss.class);
        assertThat(hitValue(cache.latestAttendance(BOB.id()))).contains(BOB_ON_LEAVE);
    }

    @Test
    void aValueReadBeforeAChangeIsNeverServedAfterIt() {
        Cached<Optional<EmployeeAttendance>> slowReader = cache.latestAttendance(ADA.id());
        Cached<List<EmployeeAttendance>> slowListReader = cache.allAttendance();

        cache.attendanceChanged(ADA.id());
        fill(slowReader, Optional.of(ADA_PRESENT));
        fill(slowListReader, List.of(ADA_PRESENT));

        assertThat(cache.latestAttendance(ADA.id())).isInstanceOf(Cached.Miss.class);
        assertThat(cache.allAttendance()).isInstanceOf(Cached.Miss.class);
    }
}
