package io.attendance.application;

/**
 * Every use case, assembled in one place from one record of ports: what the HTTP adapter drives,
 * what the tests run over fakes, and what a JVM service embedding the domain calls.
 */
public record UseCases(
        RecordAttendance recordAttendance,
        LookUpAttendance lookUpAttendance,
        EmployeeService employees,
        AttendanceRecordService attendanceRecords,
        ImportBatch importBatch,
        CheckHealth checkHealth) {

    public static UseCases assemble(Ports ports, UseCaseSettings settings) {
        RecordUpserts upserts = new RecordUpserts(ports.records(), ports.audit(), settings.clock());
        return new UseCases(
                new RecordAttendance(ports.transactions(), ports.employees(), ports.records(), ports.audit(),
                        ports.cache(), settings.clock(), settings.defaultTimezone()),
                new LookUpAttendance(ports.records(), ports.cache(), settings.maxCachedListSize()),
                new EmployeeService(ports.transactions(), ports.employees(), ports.cache(), settings.cursors(),
                        settings.clock()),
                new AttendanceRecordService(ports.transactions(), ports.employees(), ports.records(), ports.audit(),
                        upserts, ports.cache(), settings.cursors(), settings.clock()),
                new ImportBatch(ports.transactions(), ports.employees(), ports.records(), upserts, ports.cache(),
                        settings.clock()),
                new CheckHealth(ports.databaseHealth(), ports.cacheHealth()));
    }
}
