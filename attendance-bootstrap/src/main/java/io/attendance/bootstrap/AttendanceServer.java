package io.attendance.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.attendance.adapter.http.HttpApi;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.redis.RedisStore;
import io.attendance.application.UseCases;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: embedded servers when needed, the object graph, migrations, the first
 * administrator when there is no user, the cache catch-up, then HTTP.
 * {@link #close()} stops in the reverse order: HTTP first (in-flight requests finish), then the
 * catch-up, the pools, then the embedded servers; {@link #drainThenClose()} first lets load balancers
 * see it go.
 */
final class AttendanceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttendanceServer.class);

    private final EmbeddedServices servers;
    private final Injector injector;
    private final HttpApi http;
    private final AttendanceConfig.Shutdown shutdown;
    private CacheCatchUpSchedule cacheCatchUp;

    private AttendanceServer(EmbeddedServices servers, Injector injector, AttendanceConfig.Shutdown shutdown) {
        this.servers = servers;
        this.injector = injector;
        this.shutdown = shutdown;
        this.http = injector.getInstance(HttpApi.class);
    }

    /** @param console where a generated first administrator's password is shown, once */
    static AttendanceServer start(AttendanceConfig config, PrintStream console) {
        EmbeddedServices servers = EmbeddedServices.forService(config);
        AttendanceServer service = null;
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION,
                    new InfrastructureModule(config, servers.database(), servers.redisUrl()),
                    new ServiceModule(config));
            service = new AttendanceServer(servers, injector, config.shutdown());
            migrateIfAsked(config, injector.getInstance(PostgresDatabase.class));
            UseCases useCases = injector.getInstance(UseCases.class);
            FirstAdministrator.ensure(config, useCases.users(), console);
            service.cacheCatchUp = CacheCatchUpSchedule.start(useCases.attendance().cacheCatchUp(), config.cacheCatchUpInterval());
            service.http.start();
            log.info("Attendance API listening on port {}", service.http.port());
            return service;
        } catch (RuntimeException e) {
            if (service != null) {
                service.close();
            } else {
                servers.close();
            }
            throw e;
        }
    }

    /**
     * Applies pending migrations unless ATTENDANCE_MIGRATE_ON_START is false, waiting for another
     * instance's migration at most ATTENDANCE_MIGRATION_LOCK_TIMEOUT.
     */
    static void migrateIfAsked(AttendanceConfig config, PostgresDatabase database) {
        if (config.migration().onStart()) {
            database.migrations().waitingForTheLockAtMost(config.migration().lockWait()).update();
        } else {
            log.info("Migrations not run at start-up (ATTENDANCE_MIGRATE_ON_START=false): the schema is migrated apart");
        }
    }

    int port() {
        return http.port();
    }

    /**
     * The stop on SIGTERM: readiness answers 503 for the drain delay while every request is still
     * served, so that a load balancer stops sending new ones, then {@link #close()}.
     */
    void drainThenClose() {
        http.drain();
        log.info("Attendance API draining: /health/ready answers 503, requests are served for {} ms more",
                shutdown.drainDelay().toMillis());
        try {
            Thread.sleep(shutdown.drainDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        log.info("Attendance API stopping");
        closeQuietly(http);
        if (cacheCatchUp != null) {
            closeQuietly(cacheCatchUp);
        }
        closeQuietly(injector.getInstance(RedisStore.class));
        closeQuietly(injector.getInstance(PostgresDatabase.class));
        servers.close();
        log.info("Attendance API stopped");
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.error("could not close {} cleanly", resource.getClass().getSimpleName(), e);
        }
    }
}
