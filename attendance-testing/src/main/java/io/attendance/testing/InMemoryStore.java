package io.attendance.testing;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.User;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.Transactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind the in-memory ports, and their {@link Transactions}. One lock serialises units of
 * work (a nested call joins the outer one), so they run one after another as if serializable. Every
 * change a unit of work makes is logged with how to undo it; a unit of work that fails undoes its
 * changes in reverse order, one that succeeds drops the log. A unit of work thus costs what it
 * touches, however much is stored. Every port reads, and changes the state only through
 * {@link #put}, {@link #remove} and {@link #append}, inside {@link #inTransaction}.
 */
public final class InMemoryStore implements Transactions {
    /** Records in the order {@code withEmployeeAfter} lists them: by employee, then date. */
    record RecordKey(EmployeeId employeeId, WorkDate date) implements Comparable<RecordKey> {
        @Override
        public int compareTo(RecordKey other) {
            int byEmployee = employeeId.compareTo(other.employeeId);
            return byEmployee != 0 ? byEmployee : date.compareTo(other.date);
        }
    }

    /** An appended audit event: the employee it changed, and the event when it is a record's. */
    record Appended(EmployeeId employee, Optional<AuditEvent> recordEvent) {
    }

    /** An API key as stored: the key and the digest of its secret. */
    record StoredKey(ApiKey key, String secretDigest) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** How to undo each change of the unit of work running, the latest first. */
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    final TreeMap<EmployeeId, Employee> employees = new TreeMap<>();
    final TreeMap<RecordKey, AttendanceRecord> records = new TreeMap<>();
    final List<AuditEvent> auditEvents = new ArrayList<>();
    final List<EmployeeAuditEvent> employeeAuditEvents = new ArrayList<>();
    /** Every audit event appended, of either kind, in the order of appending: the feed of changes. */
    final List<Appended> appended = new ArrayList<>();
    /** By username's text: the order {@code Users.list} promises. */
    final TreeMap<String, User> users = new TreeMap<>();
    final LinkedHashMap<ApiKeyId, StoredKey> apiKeys = new LinkedHashMap<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                while (!undoLog.isEmpty()) {
                    undoLog.pop().run();
                }
                throw e;
            } finally {
                undoLog.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside a unit of work: what it wrote there is not committed yet. */
    public boolean inUnitOfWork() {
        return lock.isHeldByCurrentThread();
    }

    /** Sets {@code key} to {@code value} in {@code table}, to be undone if the unit of work fails. */
    <K, V> void put(Map<K, V> table, K key, V value) {
        requireUnitOfWork();
        V before = table.put(key, value);
        undoLog.push(before == null ? () -> table.remove(key) : () -> table.put(key, before));
    }

    /** Removes {@code key} from {@code table}, to be put back if the unit of work fails. */
    <K, V> void remove(Map<K, V> table, K key) {
        requireUnitOfWork();
        V before = table.remove(key);
        if (before != null) {
            undoLog.push(() -> table.put(key, before));
        }
    }

    /** Appends {@code element} to {@code list}, to be taken off if the unit of work fails. */
    <E> void append(List<E> list, E element) {
        requireUnitOfWork();
        list.add(element);
        undoLog.push(() -> list.remove(list.size() - 1));
    }

    private void requireUnitOfWork() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the in-memory store changes only inside a unit of work");
        }
    }
}
