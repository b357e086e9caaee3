package io.attendance.adapter.http;

import io.attendance.domain.error.Unavailable;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code count} records made up a chunk at a time, as the database reads them: nothing is held in
 * memory beyond the chunk asked for. It can pause at a given record until released, and fail at one.
 */
final class GeneratedAttendanceRecords implements AttendanceRecords {
    static final int NEVER = -1;

    private final int count;
    private final int pauseAt;
    private final int failAt;
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    private GeneratedAttendanceRecords(int count, int pauseAt, int failAt) {
        this.count = count;
        this.pauseAt = pauseAt;
        this.failAt = failAt;
    }

    static GeneratedAttendanceRecords of(int count) {
        return new GeneratedAttendanceRecords(count, NEVER, NEVER);
    }

    /** Stops before handing over record {@code index} until {@link #release} is counted down. */
    static GeneratedAttendanceRecords pausingAt(int count, int index) {
        return new GeneratedAttendanceRecords(count, index, NEVER);
    }

    /** Loses the database before handing over record {@code index}. */
    static GeneratedAttendanceRecords failingAt(int count, int index) {
        return new GeneratedAttendanceRecords(count, NEVER, index);
    }

    static String idOf(int index) {
        return String.format("E-%06d", index);
    }

    static EmployeeAttendance recordOf(int index) {
        Instant created = Instant.parse("2026-01-01T08:00:00Z");
        Employee employee = Employee.first(new EmployeeId(idOf(index)),
                EmployeeDetails.named("Employee " + index, ZoneOffset.UTC), created);
        AttendanceStatus status = AttendanceStatus.values()[index % AttendanceStatus.values().length];
        return new EmployeeAttendance(employee, AttendanceRecord.first(
                employee.id(), new WorkDate(LocalDate.of(2026, 1, 1).plusDays(index % 300)), status, created));
    }

    @Override
    public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
        int from = after.map(key -> Integer.parseInt(key.employeeId().value().substring(2)) + 1).orElse(0);
        List<EmployeeAttendance> chunk = new ArrayList<>();
        for (int i = from; i < count && chunk.size() < limit; i++) {
            if (i == pauseAt) {
                paused.countDown();
                awaitRelease();
            }
            if (i == failAt) {
                throw new Unavailable("connection to db-primary.internal:5432 lost", new IllegalStateException("socket closed"));
            }
            chunk.add(recordOf(i));
        }
        return chunk;
    }

    private void awaitRelease() {
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return Optional.empty();
    }

    @Override
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return List.of();
    }

    @Override
    public List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        return List.of();
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return Optional.empty();
    }
}
