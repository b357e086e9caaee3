package io.attendance.domain.fake;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.Transactions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind the in-memory persistence fakes, and their {@link Transactions}: one lock
 * serialises units of work, and a failed unit of work restores the state it started from.
 */
public final class InMemoryDatabase implements Transactions {
    record RecordKey(EmployeeId employeeId, WorkDate date) implements Comparable<RecordKey> {
        @Override
        public int compareTo(RecordKey other) {
            int byEmployee = employeeId.compareTo(other.employeeId);
            return byEmployee != 0 ? byEmployee : date.compareTo(other.date);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    TreeMap<EmployeeId, Employee> employees = new TreeMap<>();
    TreeMap<RecordKey, AttendanceRecord> records = new TreeMap<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            Map<EmployeeId, Employee> employeesBefore = new TreeMap<>(employees);
            Map<RecordKey, AttendanceRecord> recordsBefore = new TreeMap<>(records);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                employees = new TreeMap<>(employeesBefore);
                records = new TreeMap<>(recordsBefore);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
