package io.attendance.testing.contract;

import io.attendance.domain.port.CachedRead;
import io.attendance.domain.port.CachedValue;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Values worth caching, as rich as the model allows (every optional field present, zones, text that
 * breaks naive escaping, microsecond instants) and as bare, so that a serialising cache shows its
 * round-trip faults; and a value of any shape a {@link CachedRead} can have. A read over a new
 * element type needs a sample here.
 */
public final class CachedSamples {
    public static final Instant CREATED = Instant.parse("2026-11-02T08:30:00.123456Z");
    public static final Instant UPDATED = Instant.parse("2026-11-27T17:45:10.000001Z");
    public static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    public static final WorkDate NEXT_DAY = WorkDate.of(2026, 11, 28);

    /** Every field set, inactive, a zone with a half-hour offset, text with quotes, colons and wildcards. */
    public static final Employee ADA = new Employee(new EmployeeId("E-1"),
            new EmployeeDetails("Ada \"Countess\" Lovelace-O'Brien 王", Optional.of("R&D: *core* {\"x\":1} 100%"),
                    ZoneId.of("Asia/Kolkata"), false),
            3, CREATED, UPDATED);
    /** Nothing optional; the zone whose id is easily lost (UTC versus Z). */
    public static final Employee BOB = Employee.first(new EmployeeId("B-2"),
            new EmployeeDetails("Bob", Optional.empty(), ZoneId.of("UTC"), true), CREATED);
    /** An id that starts with another employee's id. */
    public static final Employee ADA_TEN = Employee.first(new EmployeeId("E-10"),
            EmployeeDetails.named("Ada Ten", ZoneId.of("America/St_Johns")), CREATED);

    public static final AttendanceRecord ADA_FULL = new AttendanceRecord(ADA.id(), DAY,
            DayEntry.of(AttendanceStatus.HALF_DAY, RecordSource.BATCH)
                    .checkIn(Instant.parse("2026-11-27T03:29:59.000001Z"))
                    .checkOut(Instant.parse("2026-11-27T08:00:00.999999Z"))
                    .note("Line one\nline \"two\"\ttabbed; it's 100% \\ done: {\"json\":true} – ✓")
                    .build(),
            2, CREATED, UPDATED);
    public static final AttendanceRecord ADA_NEXT = AttendanceRecord.first(ADA.id(), NEXT_DAY,
            DayEntry.statusOnly(AttendanceStatus.ON_LEAVE, RecordSource.API), UPDATED);
    public static final AttendanceRecord BOB_BARE = AttendanceRecord.first(BOB.id(), DAY, AttendanceStatus.ABSENT, CREATED);
    public static final AttendanceRecord ADA_TEN_WORKED = AttendanceRecord.first(ADA_TEN.id(), DAY,
            DayEntry.of(AttendanceStatus.WORK_FROM_HOME, RecordSource.V1)
                    .checkIn(CREATED)
                    .build(), CREATED);

    public static final EmployeeAttendance ADA_LATEST = new EmployeeAttendance(ADA, ADA_FULL);
    public static final EmployeeAttendance BOB_LATEST = new EmployeeAttendance(BOB, BOB_BARE);
    /** Opaque to the cache; not valid UTF-8, so no implementation can get away with storing it as text. */
    public static final byte[] RENDERED = {'[', 0, (byte) 0xff, (byte) 0xc3, '"', ']'};

    private CachedSamples() {
    }

    /**
     * The {@code n}-th value of that shape (0 to 255): values of one shape with different numbers are
     * never equal; even numbers are rich, odd ones bare.
     */
    @SuppressWarnings("unchecked")
    public static <V> V of(CachedValue<V> shape, int n) {
        if (shape instanceof CachedValue.OptionalOf<?> optional) {
            return (V) Optional.of(element(optional.element(), n));
        }
        if (shape instanceof CachedValue.ListOf<?> list) {
            return (V) List.of(element(list.element(), n), element(list.element(), n + 1));
        }
        if (shape instanceof CachedValue.Rendered) {
            byte[] rendered = Arrays.copyOf(RENDERED, RENDERED.length + 1);
            rendered[RENDERED.length] = (byte) n;
            return (V) rendered;
        }
        throw new IllegalArgumentException("no sample of " + shape);
    }

    /** The empty answer of that shape: none, no element, no byte. */
    @SuppressWarnings("unchecked")
    public static <V> V empty(CachedValue<V> shape) {
        if (shape instanceof CachedValue.OptionalOf<?>) {
            return (V) Optional.empty();
        }
        if (shape instanceof CachedValue.ListOf<?>) {
            return (V) List.of();
        }
        if (shape instanceof CachedValue.Rendered) {
            return (V) new byte[0];
        }
        throw new IllegalArgumentException("no empty answer of " + shape);
    }

    /** The {@code n}-th element of that type: version {@code n + 1} of a rich or a bare sample. */
    private static Object element(Class<?> type, int n) {
        if (type == Employee.class) {
            return employee(n);
        }
        if (type == AttendanceRecord.class) {
            return record(n);
        }
        if (type == EmployeeAttendance.class) {
            return new EmployeeAttendance(employee(n), record(n));
        }
        throw new IllegalArgumentException("no sample of " + type.getName() + ": add one to CachedSamples");
    }

    private static Employee employee(int n) {
        Employee sample = n % 2 == 0 ? ADA : BOB;
        return new Employee(sample.id(), sample.details(), n + 1, sample.createdAt(), sample.updatedAt());
    }

    private static AttendanceRecord record(int n) {
        AttendanceRecord sample = n % 2 == 0 ? ADA_FULL : BOB_BARE;
        return new AttendanceRecord(sample.employeeId(), sample.date(), sample.entry(), n + 1, sample.createdAt(),
                sample.updatedAt());
    }
}
