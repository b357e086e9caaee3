package io.attendance.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.attendance.adapter.http.HttpApi;
import io.attendance.adapter.http.HttpSettings;
import io.attendance.application.Attendance;
import io.attendance.application.Ports;
import io.attendance.application.UseCaseSettings;
import io.attendance.application.UseCases;
import io.attendance.application.access.SignInPolicy;
import io.attendance.application.reading.CursorCodec;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
        return Attendance.microsecondClock();
    }

    /** Instances that serve one client must share the secret, or a page cursor from one fails on another. */
    @Provides
    @Singleton
    CursorCodec cursorCodec() {
        return config.cursorSecret().map(secret -> new CursorCodec(secret.getBytes(StandardCharsets.UTF_8))).orElseGet(() -> {
            log.warn("ATTENDANCE_CURSOR_SECRET is not set: page cursors are signed with a random key and are"
                    + " valid on this instance until it stops; set it when running several instances");
            return CursorCodec.withRandomSecret();
        });
    }

    @Provides
    @Singleton
    UseCases useCases(Ports ports, CursorCodec cursors, Clock clock) {
        SignInPolicy signIn = SignInPolicy.DEFAULT
                .withIdle(config.access().sessionIdle())
                .withRevocationLag(config.cacheCatchUpInterval())
                .withAttempts(SignInPolicy.DEFAULT.attempts().withPerUsername(config.access().signInCeilingPerUsername()));
        return UseCases.assemble(ports,
                new UseCaseSettings(clock, config.defaultTimezone(), cursors, config.maxCachedListSize(), signIn));
    }

    @Provides
    @Singleton
    HttpApi httpApi(UseCases useCases, PrometheusMeterRegistry registry) {
        HttpSettings settings = new HttpSettings(config.httpPort(), config.maxRequestBytes(),
                config.shutdown().stopTimeout(), config.defaultTimezone())
                .withLoadLimits(config.loadLimits())
                .withCorsOrigins(config.corsOrigins())
                .withBodyTimeout(config.requestBodyTimeout())
                .withV1CredentialsRequired(config.access().v1CredentialsRequired())
                .withTrustedProxies(config.access().trustedProxies());
        if (config.access().metricsPort().isPresent()) {
            settings = settings.withMetricsPort(config.access().metricsPort().getAsInt());
        }
        return new HttpApi(settings, useCases, registry);
    }
}
