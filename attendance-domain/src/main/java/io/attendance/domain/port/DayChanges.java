package io.attendance.domain.port;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.Versions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes to one employee's day: its record, and the employee when the write brings them a change
 * (the v1 create meets employees and renames them), each with its audit event, planned on what is
 * stored and committed as one unit. An implementation may commit concurrent calls together (group
 * commit); each call still returns only once its own writes have committed, and one call's failure
 * never fails another's.
 */
public interface DayChanges {

    /**
     * Reads the employee and their record of {@code day} as stored, asks {@code plan} what to write,
     * and writes it atomically. When a concurrent writer changes either of them between the read
     * and the write, nothing is written and {@code plan} runs again on what is stored then: it must
     * do nothing but decide. By default {@link #applyAll} of the one day; an implementation that
     * commits concurrent calls together overrides it.
     *
     * @return the change written, as {@code plan} returned it
     * @throws io.attendance.domain.error.DomainException what {@code plan} throws; nothing of this
     *     call is written
     * @throws io.attendance.domain.error.Conflict when concurrent writers keep changing the day
     * @throws IllegalArgumentException when the change is not one of {@code day}, or a version it
     *     writes does not follow the stored one
     */
    default Change apply(AttendanceKey day, Function<Stored, Change> plan) {
        return applyAll(List.of(day), stored -> List.of(plan.apply(stored.get(0)))).get(0);
    }

    /**
     * {@link #apply} for many days at once, all or nothing: reads every day, asks {@code plan} for
     * every change (in the order of {@code days}), and writes them in one unit of work. When a
     * concurrent writer changes any of them first, nothing is written and {@code plan} runs again
     * on what is stored then.
     *
     * @param days distinct days
     * @return the changes written, in the order of {@code days}
     * @throws io.attendance.domain.error.DomainException what {@code plan} throws; nothing is written
     * @throws io.attendance.domain.error.Conflict when concurrent writers keep changing the days
     * @throws IllegalArgumentException when a day repeats, {@code plan} answers a change per day in
     *     another number, or a change does not apply to its day as {@link #apply} requires
     */
    List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan);

    /** The employee and their record of the day, as stored when the plan runs; empty when absent. */
    record Stored(Optional<Employee> employee, Optional<AttendanceRecord> record) {
        public Stored {
            Objects.requireNonNull(employee, "employee");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * What to write, each part with its audit event: the employee's next version (a first version
     * when none is stored) and the record's. An absent part is left as it is stored.
     */
    record Change(Optional<Written<Employee, EmployeeAuditEvent>> employee,
            Optional<Written<AttendanceRecord, AuditEvent>> record) {
        public static final Change NONE = new Change(Optional.empty(), Optional.empty());

        public Change {
            Objects.requireNonNull(employee, "employee");
            Objects.requireNonNull(record, "record");
            employee.ifPresent(written -> requireSame(written.value().id(), written.event().employeeId()));
            record.ifPresent(written -> requireSame(written.value().key(),
                    new AttendanceKey(written.event().date(), written.event().employeeId())));
        }

        public static Change ofRecord(AttendanceRecord record, AuditEvent event) {
            return new Change(Optional.empty(), Optional.of(new Written<>(record, event)));
        }

        public Change withEmployee(Employee employee, EmployeeAuditEvent event) {
            return new Change(Optional.of(new Written<>(employee, event)), record);
        }

        /**
         * @throws IllegalArgumentException when a part is not of {@code day}, or its version does not
         *     follow what {@code stored} holds (1 when nothing is stored)
         */
        public void requireAppliesTo(AttendanceKey day, Stored stored) {
            employee.ifPresent(written -> {
                requireSame(day.employeeId(), written.value().id());
                Versions.requireNext(written.value().version(), stored.employee().map(Employee::version).orElse(0L));
            });
            record.ifPresent(written -> {
                requireSame(day, written.value().key());
                Versions.requireNext(written.value().version(),
                        stored.record().map(AttendanceRecord::version).orElse(0L));
            });
        }

        private static void requireSame(Object expected, Object actual) {
            if (!expected.equals(actual)) {
                throw new IllegalArgumentException("a change of " + expected + " cannot write " + actual);
            }
        }
    }

    /** A value to store and the audit event that says so. */
    record Written<T, E>(T value, E event) {
        public Written {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(event, "event");
        }
    }
}
