package io.attendance.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.redis.RedisStore;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The driven side: metrics, PostgreSQL and Redis, each adapter exposed through the domain's ports. */
final class InfrastructureModule extends AbstractModule {
    private final AttendanceConfig config;
    private final AttendanceConfig.Database database;
    private final String redisUrl;

    InfrastructureModule(AttendanceConfig config, AttendanceConfig.Database database, String redisUrl) {
        this.config = config;
        this.database = database;
        this.redisUrl = redisUrl;
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheusRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    MeterRegistry meterRegistry(PrometheusMeterRegistry registry) {
        return registry;
    }

    @Provides
    @Singleton
    PostgresDatabase postgres(MeterRegistry registry) {
        return PostgresDatabase.connect(
                database.jdbcUrl(), database.user(), database.password(), config.databasePoolSize(), registry);
    }

    @Provides
    @Singleton
    RedisStore redis(MeterRegistry registry) {
        return RedisStore.connect(redisUrl, config.cacheTtl(), registry);
    }

    @Provides
    Transactions transactions(PostgresDatabase postgres) {
        return postgres.transactions();
    }

    @Provides
    Employees employees(PostgresDatabase postgres) {
        return postgres.employees();
    }

    @Provides
    AttendanceRecords attendanceRecords(PostgresDatabase postgres) {
        return postgres.attendanceRecords();
    }

    @Provides
    AuditTrail auditTrail(PostgresDatabase postgres) {
        return postgres.auditTrail();
    }

    @Provides
    @Named("database")
    HealthProbe databaseProbe(PostgresDatabase postgres) {
        return postgres.healthProbe();
    }

    @Provides
    ReadCache readCache(RedisStore redis) {
        return redis.readCache();
    }

    @Provides
    @Named("cache")
    HealthProbe cacheProbe(RedisStore redis) {
        return redis.healthProbe();
    }
}
