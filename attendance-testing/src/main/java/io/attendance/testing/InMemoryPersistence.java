package io.attendance.testing;

import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Persistence;

/**
 * Every persistence port in memory, sharing one {@link InMemoryStore} and its units of work: a store
 * for tests, demos and embedding without a database. Nothing survives the process. Units of work
 * run one at a time and cost what they touch, however many records are stored.
 *
 * <pre>{@code
 * Attendance attendance = Attendance.builder().persistence(new InMemoryPersistence()).build();
 * }</pre>
 *
 * <p>Each accessor returns the same instance every time, typed as the in-memory class, so a test can
 * reach what only the fake offers (such as {@link InMemoryApiKeys#digests()}).
 */
public final class InMemoryPersistence implements Persistence {
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryEmployees employees = new InMemoryEmployees(store);
    private final InMemoryAttendanceRecords attendanceRecords = new InMemoryAttendanceRecords(store);
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(store);
    private final InMemoryDayChanges dayChanges = new InMemoryDayChanges(store, employees, attendanceRecords,
            auditTrail);
    private final InMemoryChangeFeed changeFeed = new InMemoryChangeFeed(store);
    private final InMemoryUsers users = new InMemoryUsers(store);
    private final InMemoryApiKeys apiKeys = new InMemoryApiKeys(store);

    /** The units of work of every port here; also the store a decorated port is built over. */
    @Override
    public InMemoryStore transactions() {
        return store;
    }

    @Override
    public InMemoryEmployees employees() {
        return employees;
    }

    @Override
    public InMemoryAttendanceRecords attendanceRecords() {
        return attendanceRecords;
    }

    @Override
    public InMemoryAuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public InMemoryDayChanges dayChanges() {
        return dayChanges;
    }

    @Override
    public InMemoryChangeFeed changeFeed() {
        return changeFeed;
    }

    @Override
    public InMemoryUsers users() {
        return users;
    }

    @Override
    public InMemoryApiKeys apiKeys() {
        return apiKeys;
    }

    /** Always up: memory does not go away. */
    @Override
    public HealthProbe healthProbe() {
        return () -> true;
    }
}
