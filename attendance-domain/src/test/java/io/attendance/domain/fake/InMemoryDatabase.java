package io.attendance.domain.fake;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind the in-memory persistence fakes, and their {@link Transactions}: one lock
 * serialises units of work (a nested call joins the outer one), and a failed unit of work restores
 * everything it started from: employees, records, audit events and the feed of changes, users and API keys alike. Every fake reads and
 * writes only inside {@link #inTransaction}.
 */
public final class InMemoryDatabase implements Transactions {
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
    TreeMap<EmployeeId, Employee> employees = new TreeMap<>();
    TreeMap<RecordKey, AttendanceRecord> records = new TreeMap<>();
    List<AuditEvent> auditEvents = new ArrayList<>();
    List<EmployeeAuditEvent> employeeAuditEvents = new ArrayList<>();
    /** Every audit event appended, of either kind, in the order of appending: the feed of changes. */
    List<Appended> appended = new ArrayList<>();
    /** By username's text: the order {@code Users.list} promises. */
    TreeMap<String, User> users = new TreeMap<>();
    LinkedHashMap<ApiKeyId, StoredKey> apiKeys = new LinkedHashMap<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            TreeMap<EmployeeId, Employee> employeesBefore = new TreeMap<>(employees);
            TreeMap<RecordKey, AttendanceRecord> recordsBefore = new TreeMap<>(records);
            List<AuditEvent> auditBefore = new ArrayList<>(auditEvents);
            List<EmployeeAuditEvent> employeeAuditBefore = new ArrayList<>(employeeAuditEvents);
            List<Appended> appendedBefore = new ArrayList<>(appended);
            TreeMap<String, User> usersBefore = new TreeMap<>(users);
            LinkedHashMap<ApiKeyId, StoredKey> apiKeysBefore = new LinkedHashMap<>(apiKeys);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                employees = employeesBefore;
                records = recordsBefore;
                auditEvents = auditBefore;
                employeeAuditEvents = employeeAuditBefore;
                appended = appendedBefore;
                users = usersBefore;
                apiKeys = apiKeysBefore;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside a unit of work: what it wrote there is not committed yet. */
    public boolean inUnitOfWork() {
        return lock.isHeldByCurrentThread();
    }
}
