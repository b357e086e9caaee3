package io.attendance.testing;

import io.attendance.domain.error.Conflict;
import io.attendance.testing.InMemoryStore.RecordKey;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Versions;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AttendanceRecords} over an {@link InMemoryStore}: the reference the real adapter is checked against. */
public final class InMemoryAttendanceRecords implements AttendanceRecords {
    private static final WorkDate FIRST_DAY = new WorkDate(WorkDate.EARLIEST);

    private final InMemoryStore db;

    public InMemoryAttendanceRecords(InMemoryStore db) {
        this.db = db;
    }

    /**
     * Stores a record that did not exist yet; its employee must exist. Not part of the port: every
     * write of a day goes through {@link InMemoryDayChanges}, which shares this check.
     *
     * @throws Conflict when the employee already has a record that day
     */
    void add(AttendanceRecord record) {
        db.runInTransaction(() -> {
            if (!db.employees.containsKey(record.employeeId())) {
                throw new IllegalStateException("no employee " + record.employeeId());
            }
            RecordKey key = keyOf(record.employeeId(), record.date());
            if (db.records.containsKey(key)) {
                throw new Conflict("employee " + record.employeeId() + " already has a record on " + record.date());
            }
            db.put(db.records, key, record);
        });
    }

    /**
     * Replaces the stored record of the same employee and day with {@code record} (whose version is
     * the next one) only if the stored version is still {@code expectedVersion}; for
     * {@link InMemoryDayChanges}.
     *
     * @return false when the record is absent or its version is no longer {@code expectedVersion}
     */
    boolean replace(AttendanceRecord record, long expectedVersion) {
        Versions.requireNext(record.version(), expectedVersion);
        return db.inTransaction(() -> {
            RecordKey key = keyOf(record.employeeId(), record.date());
            AttendanceRecord stored = db.records.get(key);
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            db.put(db.records, key, record);
            return true;
        });
    }

    @Override
    public boolean remove(EmployeeId employeeId, WorkDate date, long expectedVersion) {
        return db.inTransaction(() -> {
            RecordKey key = keyOf(employeeId, date);
            AttendanceRecord stored = db.records.get(key);
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            db.remove(db.records, key);
            return true;
        });
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return db.inTransaction(() -> Optional.ofNullable(db.records.get(keyOf(employeeId, date))));
    }

    @Override
    public List<AttendanceRecord> ofEmployee(EmployeeId employeeId, WorkDate from, WorkDate to) {
        if (to.compareTo(from) < 0) {
            return List.of();
        }
        return db.inTransaction(() -> List.copyOf(
                db.records.subMap(keyOf(employeeId, from), true, keyOf(employeeId, to), true).values()));
    }

    @Override
    public List<AttendanceRecord> search(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        return db.inTransaction(() -> db.records.values().stream()
                .filter(record -> after.map(position -> record.key().compareTo(position) > 0).orElse(true))
                .filter(record -> query.matches(record, db.employees.get(record.employeeId())))
                .sorted(Comparator.comparing(AttendanceRecord::key))
                .limit(limit)
                .toList());
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return db.inTransaction(() -> {
            AttendanceRecord latest = null;
            for (AttendanceRecord record : db.records.tailMap(keyOf(employeeId, FIRST_DAY), true).values()) {
                if (!record.employeeId().equals(employeeId)) {
                    break;
                }
                latest = record;
            }
            return Optional.ofNullable(latest).map(this::withEmployee);
        });
    }

    /** Ordered by employee then date, as the records are kept; each chunk is read in a unit of work of its own. */
    @Override
    public List<EmployeeAttendance> withEmployeeAfter(Optional<AttendanceKey> after, int limit) {
        return db.inTransaction(() -> after
                .map(key -> db.records.tailMap(keyOf(key.employeeId(), key.date()), false))
                .orElse(db.records)
                .values().stream()
                .limit(limit)
                .map(this::withEmployee)
                .toList());
    }

    private EmployeeAttendance withEmployee(AttendanceRecord record) {
        return new EmployeeAttendance(db.employees.get(record.employeeId()), record);
    }

    private static RecordKey keyOf(EmployeeId employeeId, WorkDate date) {
        return new RecordKey(employeeId, date);
    }
}
