package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link Employees}, {@link AttendanceRecords} and {@link Transactions}
 * promises. Run against the in-memory fakes and against the real adapter, so the fakes used by the
 * use-case tests cannot drift from reality.
 */
public abstract class PersistenceContract {
    /** Microsecond precision: what PostgreSQL keeps of an instant. */
    protected static final Instant NOW = Instant.parse("2026-11-27T08:30:00.123456Z");

    protected Employees employees;
    protected AttendanceRecords records;
    protected Transactions transactions;

    /** Three ports over one empty store, shared state between them as in production. */
    public record Ports(Employees employees, AttendanceRecords records, Transactions transactions) {
    }

    protected abstract Ports emptyStore();

    @BeforeEach
    void openEmptyStore() {
        Ports ports = emptyStore();
        employees = ports.employees();
        records = ports.records();
        transactions = ports.transactions();
    }

    private static Employee ada() {
        return new Employee(new EmployeeId("E-1"), "Ada Lovelace");
    }

    private static AttendanceRecord recordOf(Employee employee, WorkDate date, AttendanceStatus status) {
        return AttendanceRecord.first(employee.id(), date, status, NOW);
    }

    @Test
    void aSavedEmployeeIsFoundAndASecondSaveReplacesTheName() {
        employees.save(ada());
        employees.save(ada().renamed("Ada King"));

        assertThat(employees.find(ada().id())).contains(ada().renamed("Ada King"));
        assertThat(employees.find(new EmployeeId("nobody"))).isEmpty();
    }

    @Test
    void anAddedRecordIsFoundExactlyAsStored() {
        employees.save(ada());
        AttendanceRecord record = recordOf(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.WORK_FROM_HOME);

        records.add(record);

        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 27))).contains(record);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 28))).isEmpty();
    }

    @Test
    void aSecondRecordForTheSameDayIsAConflictAndLeavesTheFirstUnchanged() {
        employees.save(ada());
        AttendanceRecord first = recordOf(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT);
        records.add(first);

        assertThatThrownBy(() -> records.add(recordOf(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.ABSENT)))
                .isInstanceOf(Conflict.class);
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 27))).contains(first);
    }

    @Test
    void theLatestRecordIsTheOneWithTheLatestWorkDateNotTheLastWritten() {
        employees.save(ada());
        AttendanceRecord later = recordOf(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.ABSENT);
        records.add(later);
        records.add(recordOf(ada(), WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT));

        assertThat(records.latestOf(ada().id())).contains(new EmployeeAttendance(ada(), later));
        assertThat(records.latestOf(new EmployeeId("nobody"))).isEmpty();
    }

    @Test
    void everyRecordIsStreamedWithItsEmployeeByEmployeeThenDate() {
        Employee bob = new Employee(new EmployeeId("B-2"), "Bob");
        employees.save(ada());
        employees.save(bob);
        AttendanceRecord ada2 = recordOf(ada(), WorkDate.of(2026, 11, 2), AttendanceStatus.PRESENT);
        AttendanceRecord ada1 = recordOf(ada(), WorkDate.of(2026, 11, 1), AttendanceStatus.HOLIDAY);
        AttendanceRecord bob1 = recordOf(bob, WorkDate.of(2026, 11, 3), AttendanceStatus.ON_LEAVE);
        records.add(ada2);
        records.add(bob1);
        records.add(ada1);

        List<EmployeeAttendance> streamed = new ArrayList<>();
        records.forEachWithEmployee(streamed::add);

        assertThat(streamed).containsExactly(
                new EmployeeAttendance(bob, bob1),
                new EmployeeAttendance(ada(), ada1),
                new EmployeeAttendance(ada(), ada2));
    }

    @Test
    void textThatLooksLikeSqlIsStoredLiterally() {
        Employee sneaky = new Employee(new EmployeeId("x"), "x' OR '1'='1; DROP TABLE employees; --");
        employees.save(sneaky);
        records.add(recordOf(sneaky, WorkDate.of(2026, 1, 1), AttendanceStatus.PRESENT));

        assertThat(employees.find(sneaky.id())).contains(sneaky);
        assertThat(records.latestOf(sneaky.id())).map(EmployeeAttendance::employee).contains(sneaky);
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            employees.save(ada());
            records.add(recordOf(ada(), WorkDate.of(2026, 11, 27), AttendanceStatus.PRESENT));
            throw new NotFound("something later in the same unit of work failed");
        })).isInstanceOf(NotFound.class);

        assertThat(employees.find(ada().id())).isEmpty();
        assertThat(records.find(ada().id(), WorkDate.of(2026, 11, 27))).isEmpty();
    }

    @Test
    void aUnitOfWorkReturnsWhatItsWorkReturnsAndCommits() {
        String answer = transactions.inTransaction(() -> {
            employees.save(ada());
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(employees.find(ada().id())).contains(ada());
    }

    @Test
    void concurrentCreatesOfOneDayLetExactlyOneWin() throws Exception {
        employees.save(ada());
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                AttendanceStatus status = AttendanceStatus.values()[i % AttendanceStatus.values().length];
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        transactions.runInTransaction(
                                () -> records.add(recordOf(ada(), WorkDate.of(2026, 11, 27), status)));
                        return true;
                    } catch (Conflict lost) {
                        return false;
                    }
                };
                outcomes.add(pool.submit(write));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void instantsSurviveTheRoundTripToTheMicrosecond() {
        employees.save(ada());
        Instant created = NOW.truncatedTo(ChronoUnit.MICROS);
        records.add(AttendanceRecord.first(ada().id(), WorkDate.of(1970, 1, 1), AttendanceStatus.PRESENT, created));

        assertThat(records.find(ada().id(), WorkDate.of(1970, 1, 1)))
                .map(AttendanceRecord::createdAt).contains(created);
    }
}
