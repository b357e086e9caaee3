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
        CheckHealth checkHealth,
        UserService users,
        SessionService sessions,
        ApiKeyService apiKeys,
        CacheCatchUp cacheCatchUp,
        SyncAttendance syncAttendance) {

    public static UseCases assemble(Ports ports, UseCaseSettings settings) {
        RecordUpserts upserts = new RecordUpserts(settings.clock());
        EmployeeWrites employeeWrites = new EmployeeWrites(ports.employees(), ports.audit(), settings.clock());
        ReadThrough reads = new ReadThrough(ports.cache(), ReadThrough.FOLLOWER_WAIT);
        return new UseCases(
                new RecordAttendance(ports.dayChanges(), ports.cache(), settings.clock(), settings.defaultTimezone()),
                new LookUpAttendance(ports.records(), ports.cache(), reads, settings.maxCachedListSize()),
                new EmployeeService(ports.transactions(), ports.employees(), employeeWrites, ports.audit(),
                        ports.cache(), reads, settings.cursors()),
                new AttendanceRecordService(ports.transactions(), ports.dayChanges(), ports.employees(),
                        ports.records(), ports.audit(), upserts, ports.cache(), reads, settings.cursors(),
                        settings.clock()),
                new ImportBatch(ports.dayChanges(), upserts, ports.cache(), settings.clock()),
                new CheckHealth(ports.databaseHealth(), ports.cacheHealth()),
                new UserService(ports.transactions(), ports.users(), ports.sessions(), ports.passwordHashing(),
                        settings.clock()),
                new SessionService(ports.users(), ports.sessions(), ports.loginAttempts(), ports.passwordHashing(),
                        settings.sessions(), settings.clock()),
                new ApiKeyService(ports.transactions(), ports.apiKeys(), settings.clock()),
                new CacheCatchUp(ports.changeFeed(), ports.cache()),
                new SyncAttendance(ports.changeFeed(), settings.cursors()));
    }
}
