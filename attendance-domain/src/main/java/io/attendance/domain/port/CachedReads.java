package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CachedRead.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every answer the service caches, each declared once with the factory of its keys. A new cached
 * read is one declaration and one factory here: caches handle it unchanged as long as its value is
 * made of element types they already store.
 */
public final class CachedReads {
    /** Filled by {@link #declare} as the reads below are initialised, so it must stay the first field. */
    private static final List<CachedRead<?>> DECLARED = new ArrayList<>();

    private static final CachedRead<Optional<EmployeeAttendance>> LATEST_ATTENDANCE =
            declare("latest", Scope.EMPLOYEE, CachedValue.optional(EmployeeAttendance.class));
    private static final CachedRead<byte[]> RENDERED_ATTENDANCE_LISTING =
            declare("rendered-attendance-listing", Scope.LISTINGS, CachedValue.rendered());
    private static final CachedRead<Optional<Employee>> EMPLOYEE =
            declare("employee", Scope.EMPLOYEE, CachedValue.optional(Employee.class));
    private static final CachedRead<Optional<AttendanceRecord>> RECORD =
            declare("record", Scope.EMPLOYEE, CachedValue.optional(AttendanceRecord.class));
    private static final CachedRead<List<AttendanceRecord>> RECORDS_OF_EMPLOYEE =
            declare("records", Scope.EMPLOYEE, CachedValue.list(AttendanceRecord.class));
    private static final CachedRead<List<AttendanceRecord>> ATTENDANCE_PAGE =
            declare("attendance-page", Scope.LISTINGS, CachedValue.list(AttendanceRecord.class));
    private static final CachedRead<List<Employee>> EMPLOYEE_PAGE =
            declare("employee-page", Scope.LISTINGS, CachedValue.list(Employee.class));

    private CachedReads() {
    }

    /** Every cached read, in the order declared. */
    public static List<CachedRead<?>> every() {
        return Collections.unmodifiableList(DECLARED);
    }

    /** v1: the latest record of one employee, with the employee. */
    public static CacheKey<Optional<EmployeeAttendance>> latestAttendance(EmployeeId employeeId) {
        return LATEST_ATTENDANCE.of(employeeId);
    }

    /**
     * v1: every record with its employee ({@link AttendanceRecords#withEmployeeAfter}, chunk by chunk), as the
     * bytes of the answer its one reader writes: a hit costs no decoding and no object per record.
     */
    public static CacheKey<byte[]> renderedAttendanceListing() {
        return RENDERED_ATTENDANCE_LISTING.of();
    }

    public static CacheKey<Optional<Employee>> employee(EmployeeId employeeId) {
        return EMPLOYEE.of(employeeId);
    }

    public static CacheKey<Optional<AttendanceRecord>> record(EmployeeId employeeId, WorkDate date) {
        return RECORD.of(employeeId, date.toString());
    }

    /** {@link AttendanceRecords#ofEmployee}'s answer. */
    public static CacheKey<List<AttendanceRecord>> recordsOfEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        return RECORDS_OF_EMPLOYEE.of(employeeId, from.toString(), to.toString());
    }

    /**
     * {@link AttendanceRecords#search}'s answer: one page, fetched with that limit. Each component of
     * the query is an argument of its own rather than {@link AttendanceQuery#canonical()}, so that no
     * free text can pass for another component.
     */
    public static CacheKey<List<AttendanceRecord>> attendancePage(AttendanceQuery query, Optional<AttendanceKey> after,
                                                                  int limit) {
        return ATTENDANCE_PAGE.of(
                query.from().toString(),
                query.to().toString(),
                optional(query.employeeId().map(EmployeeId::value)),
                optional(query.department()),
                optional(query.status().map(Enum::name)),
                optional(query.updatedSince().map(Instant::toString)),
                optional(after.map(key -> key.date().toString())),
                optional(after.map(key -> key.employeeId().value())),
                Integer.toString(limit));
    }

    /** {@link Employees#list}'s answer: one page, fetched with that limit. */
    public static CacheKey<List<Employee>> employeePage(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return EMPLOYEE_PAGE.of(
                optional(query.department()),
                optional(query.active().map(String::valueOf)),
                optional(query.namePrefix()),
                optional(after.map(EmployeeId::value)),
                Integer.toString(limit));
    }

    /** An optional argument: {@code -} when absent, else {@code =} and its text, so no text passes for an absent one. */
    private static String optional(Optional<String> argument) {
        return argument.map(text -> "=" + text).orElse("-");
    }

    /** @throws IllegalStateException when the name is taken: it is the read's identity in every cache */
    private static <V> CachedRead<V> declare(String name, Scope scope, CachedValue<V> value) {
        if (DECLARED.stream().anyMatch(read -> read.name().equals(name))) {
            throw new IllegalStateException("two cached reads are named " + name);
        }
        CachedRead<V> read = new CachedRead<>(name, scope, value);
        DECLARED.add(read);
        return read;
    }
}
