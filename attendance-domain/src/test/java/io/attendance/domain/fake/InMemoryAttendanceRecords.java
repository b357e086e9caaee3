package io.attendance.domain.fake;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.fake.InMemoryDatabase.RecordKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AttendanceRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public final class InMemoryAttendanceRecords implements AttendanceRecords {
    private final InMemoryDatabase db;

    public InMemoryAttendanceRecords(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void add(AttendanceRecord record) {
        db.runInTransaction(() -> {
            if (!db.employees.containsKey(record.employeeId())) {
                throw new IllegalStateException("no employee " + record.employeeId());
            }
            RecordKey key = new RecordKey(record.employeeId(), record.date());
            if (db.records.containsKey(key)) {
                throw new Conflict("employee " + record.employeeId() + " already has a record on " + record.date());
            }
            db.records.put(key, record);
        });
    }

    @Override
    public Optional<AttendanceRecord> find(EmployeeId employeeId, WorkDate date) {
        return db.inTransaction(() -> Optional.ofNullable(db.records.get(new RecordKey(employeeId, date))));
    }

    @Override
    public Optional<EmployeeAttendance> latestOf(EmployeeId employeeId) {
        return db.inTransaction(() -> db.records.values().stream()
                .filter(record -> record.employeeId().equals(employeeId))
                .max(Comparator.comparing(AttendanceRecord::date))
                .map(this::withEmployee));
    }

    @Override
    public void forEachWithEmployee(Consumer<EmployeeAttendance> sink) {
        List<EmployeeAttendance> snapshot = db.inTransaction(
                () -> new ArrayList<>(db.records.values().stream().map(this::withEmployee).toList()));
        snapshot.forEach(sink);
    }

    private EmployeeAttendance withEmployee(AttendanceRecord record) {
        return new EmployeeAttendance(db.employees.get(record.employeeId()), record);
    }
}
