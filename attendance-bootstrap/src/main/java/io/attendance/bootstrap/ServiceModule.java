package io.attendance.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.attendance.adapter.http.HttpApi;
import io.attendance.adapter.http.HttpSettings;
import io.attendance.application.AttendanceService;
import io.attendance.application.CheckHealth;
import io.attendance.application.CursorCodec;
import io.attendance.application.EmployeeService;
import io.attendance.application.LookUpAttendance;
import io.attendance.application.RecordAttendance;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The use cases and the HTTP adapter that drives them. */
final class ServiceModule extends AbstractModule {
    private static final Logger log = LoggerFactory.getLogger(ServiceModule.class);

    private final AttendanceConfig config;

    ServiceModule(AttendanceConfig config) {
        this.config = config;
    }

    /** Microseconds: what PostgreSQL keeps, so an answer never shows a precision storage drops. */
    @Provides
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }

    /** Instances that serve one client must share the secret, or a page cursor from one fails on another. */
    @Provides
    @Singleton
    CursorCodec cursorCodec() {
        return new CursorCodec(config.cursorSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            log.warn("ATTENDANCE_CURSOR_SECRET is not set: page cursors are signed with a random key and are"
                    + " valid on this instance until it stops; set it when running several instances");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }));
    }

    @Provides
    @Singleton
    RecordAttendance recordAttendance(Transactions transactions, Employees employees, AttendanceRecords records,
            AuditTrail audit, ReadCache cache, Clock clock) {
        return new RecordAttendance(transactions, employees, records, audit, cache, clock, config.defaultTimezone());
    }

    @Provides
    @Singleton
    LookUpAttendance lookUpAttendance(AttendanceRecords records, ReadCache cache) {
        return new LookUpAttendance(records, cache, config.maxCachedListSize());
    }

    @Provides
    @Singleton
    EmployeeService employeeService(
            Transactions transactions, Employees employees, ReadCache cache, CursorCodec cursors, Clock clock) {
        return new EmployeeService(transactions, employees, cache, cursors, clock);
    }

    @Provides
    @Singleton
    AttendanceService attendanceService(Transactions transactions, Employees employees, AttendanceRecords records,
            AuditTrail audit, ReadCache cache, CursorCodec cursors, Clock clock) {
        return new AttendanceService(transactions, employees, records, audit, cache, cursors, clock);
    }

    @Provides
    @Singleton
    CheckHealth checkHealth(@Named("database") HealthProbe database, @Named("cache") HealthProbe cache) {
        return new CheckHealth(database, cache);
    }

    @Provides
    @Singleton
    HttpApi httpApi(RecordAttendance record, LookUpAttendance lookUp, EmployeeService employees,
            AttendanceService attendance, CheckHealth health, PrometheusMeterRegistry registry) {
        HttpSettings settings = new HttpSettings(config.httpPort(), config.maxRequestBytes(),
                HttpSettings.DEFAULT_STOP_TIMEOUT, config.defaultTimezone());
        return new HttpApi(settings, record, lookUp, employees, attendance, health, registry);
    }
}
