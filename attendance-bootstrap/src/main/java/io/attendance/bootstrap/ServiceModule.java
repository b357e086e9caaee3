package io.attendance.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.attendance.adapter.http.HttpApi;
import io.attendance.adapter.http.HttpSettings;
import io.attendance.application.CheckHealth;
import io.attendance.application.LookUpAttendance;
import io.attendance.application.RecordAttendance;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** The use cases and the HTTP adapter that drives them. */
final class ServiceModule extends AbstractModule {
    private final AttendanceConfig config;

    ServiceModule(AttendanceConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    RecordAttendance recordAttendance(
            Transactions transactions, Employees employees, AttendanceRecords records, ReadCache cache, Clock clock) {
        return new RecordAttendance(transactions, employees, records, cache, clock);
    }

    @Provides
    @Singleton
    LookUpAttendance lookUpAttendance(AttendanceRecords records, ReadCache cache) {
        return new LookUpAttendance(records, cache, config.maxCachedListSize());
    }

    @Provides
    @Singleton
    CheckHealth checkHealth(@Named("database") HealthProbe database, @Named("cache") HealthProbe cache) {
        return new CheckHealth(database, cache);
    }

    @Provides
    @Singleton
    HttpApi httpApi(RecordAttendance record, LookUpAttendance lookUp, CheckHealth health, PrometheusMeterRegistry registry) {
        return new HttpApi(new HttpSettings(config.httpPort(), config.maxRequestBytes()), record, lookUp, health, registry);
    }
}
