package io.attendance.domain.port;

/**
 * The system of record: every port one store provides, all sharing its units of work. The
 * PostgreSQL adapter and the in-memory store of the testing artifact implement it, and so may an
 * embedding service's own store; the use cases are assembled from one.
 *
 * <p>A query added to one of these ports in a minor version comes as a {@code default} method
 * answered from the port's existing methods, so such a store keeps compiling and working; it
 * overrides the method when it can answer faster.
 */
public interface Persistence {

    Transactions transactions();

    Employees employees();

    AttendanceRecords attendanceRecords();

    /** Appends join the caller's unit of work: an event commits with the change it describes. */
    AuditTrail auditTrail();

    /** Writes to one day, each in a unit of work of its own. */
    DayChanges dayChanges();

    /** The audit trail in commit order, for incremental sync and cache catch-up. */
    ChangeFeed changeFeed();

    Users users();

    ApiKeys apiKeys();

    /** Whether the store answers right now. */
    HealthProbe healthProbe();
}
