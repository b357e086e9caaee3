package io.attendance.adapter.redis;

import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedRead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Attendance worth caching, and small helpers shared by this module's tests. */
final class Attendances {
    static final EmployeeId ADA = new EmployeeId("E-1");
    static final EmployeeId BOB = new EmployeeId("B-2");
    static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    static final Instant MORNING = Instant.parse("2026-11-27T08:30:00.123456Z");
    /** Every record of November 2026. */
    static final AttendanceQuery NOVEMBER = new AttendanceQuery(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 30),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private Attendances() {
    }

    /** An active employee in UTC named after their id, at the given version. */
    static Employee employee(EmployeeId id, long version) {
        return new Employee(id, EmployeeDetails.named("Employee " + id.value(), ZoneOffset.UTC), version, MORNING,
                MORNING.plusSeconds(version));
    }

    /** The employee's record of 2026-11-27, PRESENT, at the given version. */
    static AttendanceRecord record(EmployeeId id, long version) {
        return new AttendanceRecord(id, DAY, DayEntry.statusOnly(AttendanceStatus.PRESENT, RecordSource.API), version,
                MORNING, MORNING.plusSeconds(version));
    }

    /** The employee's record of 2026-11-27 at the given version, with the employee at version 1. */
    static EmployeeAttendance attendance(EmployeeId id, long version) {
        return new EmployeeAttendance(employee(id, 1), record(id, version));
    }

    @SuppressWarnings("unchecked")
    /**
     * A stand-in for the v1 full listing, which the cache stores as opaque bytes: each record as
     * {@code <employee id>=<version>;}, with one byte that is not UTF-8 so that nothing on the way
     * can treat it as text.
     */
    static byte[] listing(EmployeeAttendance... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xff);
        for (EmployeeAttendance entry : entries) {
            bytes.writeBytes((entry.employee().id().value() + "=" + entry.record().version() + ";")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The records of a {@link #listing}, as {@link #record} makes them. */
    static List<AttendanceRecord> recordsOf(byte[] listing) {
        String text = new String(listing, 1, listing.length - 1, StandardCharsets.UTF_8);
        return Arrays.stream(text.split(";")).filter(part -> !part.isEmpty())
                .map(part -> part.split("="))
                .map(idAndVersion -> record(new EmployeeId(idAndVersion[0]), Long.parseLong(idAndVersion[1])))
                .toList();
    }

    static <T> void fill(Cached<T> lookup, T value) {
        if (!(lookup instanceof Cached.Miss<?>)) {
            throw new AssertionError("expected a miss, got " + lookup);
        }
        ((Cached.Miss<T>) lookup).fill(value);
    }

    static <T> T hitValue(Cached<T> lookup) {
        if (!(lookup instanceof Cached.Hit<T> hit)) {
            throw new AssertionError("expected a hit, got " + lookup);
        }
        return hit.value();
    }

    /** The sum of a counter over all its tags; 0 when never registered. */
    static double count(MeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** A key of any declared read, Ada's when the read follows an employee's generation. */
    static <V> CacheKey<V> keyOf(CachedRead<V> read, String... arguments) {
        Optional<EmployeeId> owner = read.scope() == CachedRead.Scope.EMPLOYEE ? Optional.of(ADA) : Optional.empty();
        return new CacheKey<>(read, owner, List.of(arguments));
    }

    /** Polls until the condition holds; the deadline is far beyond what it takes even on a loaded machine. */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not so within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Lets real time pass, for tests of what Redis expires. */
    static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A port of 127.0.0.1 that was free a moment ago: nothing listens there. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
