package io.attendance.application;

import io.attendance.application.access.ApiKeyService;
import io.attendance.application.access.PasswordChecks;
import io.attendance.application.access.SessionService;
import io.attendance.application.access.SignInPolicy;
import io.attendance.application.access.SignInService;
import io.attendance.application.access.UserService;
import io.attendance.application.reading.PrefetchedLookups;
import io.attendance.domain.port.Persistence;

/**
 * Every use case of the HTTP service, assembled in one place from one record of ports: the
 * attendance use cases (the very ones {@link Attendance#builder()} gives an embedding service) and
 * the access services that sign-in, users and API keys need, sharing the lookups made ahead with a
 * session check. What the HTTP adapter drives and the tests run over fakes.
 */
public record UseCases(Attendance attendance, UserService users, SignInService signIns, SessionService sessions,
        ApiKeyService apiKeys, PrefetchedLookups prefetchedLookups) {

    public static UseCases assemble(Ports ports, UseCaseSettings settings) {
        Persistence store = ports.store();
        SignInPolicy signIn = settings.signIn();
        PasswordChecks passwords = new PasswordChecks(ports.loginAttempts(), signIn.attempts(), ports.passwordHashing());
        PrefetchedLookups prefetched = new PrefetchedLookups();
        return new UseCases(
                Attendance.assemble(store, ports.cache(), ports.cacheHealth(), settings, prefetched),
                new UserService(store.transactions(), store.users(), ports.sessions(), ports.passwordHashing(), passwords,
                        settings.clock()),
                new SignInService(store.users(), ports.sessions(), passwords, signIn, settings.clock()),
                new SessionService(store.transactions(), store.users(), ports.sessions(), prefetched, signIn,
                        settings.clock()),
                new ApiKeyService(store.transactions(), store.apiKeys(), settings.clock()),
                prefetched);
    }
}
