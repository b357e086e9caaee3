package io.attendance.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.attendance.adapter.argon2.Argon2PasswordHashing;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.redis.RedisStore;
import io.attendance.application.Ports;
import io.attendance.domain.port.PasswordHashing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The driven side: metrics, PostgreSQL, Redis and password hashing, each adapter exposed through the domain's ports. */
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
                database.jdbcUrl(), database.user(), database.password(), config.databasePoolSize(), registry,
                config.databaseTimeouts(), config.databaseSchema());
    }

    @Provides
    @Singleton
    RedisStore redis(MeterRegistry registry) {
        return RedisStore.connect(redisUrl, config.cacheTtl(), registry, config.redisTimeouts());
    }

    /** Argon2id with the adapter's default cost: about 19 MiB and a few tens of milliseconds a hash. */
    @Provides
    @Singleton
    PasswordHashing passwordHashing() {
        return new Argon2PasswordHashing();
    }

    /** Records, users and keys in PostgreSQL; the cache, sessions and sign-in tallies in Redis. */
    @Provides
    @Singleton
    Ports ports(PostgresDatabase postgres, RedisStore redis, PasswordHashing passwordHashing) {
        return new Ports(postgres, redis.readCache(), redis.healthProbe(), redis.sessionStore(), redis.loginAttempts(),
                passwordHashing);
    }
}
