package io.attendance.bootstrap;

import static io.attendance.bootstrap.RunningService.ADMIN;
import static io.attendance.bootstrap.RunningService.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins limited per name and address, never locking a name for everyone: the service seen
 * from clients at the loopback addresses 127.0.0.2 and 127.0.0.3 (both the machine's own), and
 * behind a proxy it trusts.
 */
class SignInThrottlingSystemTest {
    private static final String ATTACKER = "127.0.0.2";
    private static final String OWNER = "127.0.0.3";

    @Test
    void wrongGuessesFromOneAddressNeverStopTheRightPasswordFromAnother() {
        try (RunningService service = RunningService.start(TestServers.freshEnvironment())) {
            for (int guess = 1; guess <= 5; guess++) {
                assertThat(signIn(service, ATTACKER, ADMIN_PASSWORD + guess).status()).isEqualTo(401);
            }
            for (int guess = 6; guess <= 12; guess++) {
                RawHttp.Answer refused = signIn(service, ATTACKER, ADMIN_PASSWORD + guess);
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            }
            assertThat(signIn(service, ATTACKER, ADMIN_PASSWORD).status()).as("the right password from there")
                    .isEqualTo(429);

            assertThat(signIn(service, OWNER, ADMIN_PASSWORD).status()).as("from another address").isEqualTo(200);
        }
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignIns() {
        try (RunningService service = RunningService.start(TestServers.freshEnvironment())) {
            assertThat(service.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"the clerk's password\","
                    + "\"roles\":[\"VIEWER\"]}").statusCode()).isEqualTo(201);
            String clerk = service.signIn("clerk", "the clerk's password");
            for (int guess = 1; guess <= 5; guess++) {
                assertThat(changeOwnPassword(service, clerk, ATTACKER, "a wrong guess " + guess).status()).isEqualTo(400);
            }

            assertThat(changeOwnPassword(service, clerk, ATTACKER, "the clerk's password").status()).isEqualTo(429);
            assertThat(signIn(service, ATTACKER, "clerk", "the clerk's password", List.of("Content-Type", "application/json"))
                    .status()).isEqualTo(429);
            assertThat(changeOwnPassword(service, clerk, OWNER, "the clerk's password").status()).isEqualTo(204);
        }
    }

    @Test
    void xForwardedForNamesTheClientOnlyWhenATrustedProxySendsIt() {
        Map<String, String> servers = new HashMap<>(TestServers.freshEnvironment());
        servers.put("ATTENDANCE_TRUSTED_PROXIES", ATTACKER + "/32");
        try (RunningService service = RunningService.start(servers)) {
            for (int guess = 1; guess <= 5; guess++) {
                assertThat(signIn(service, ATTACKER, ADMIN_PASSWORD + guess, "198.51.100.1").status()).isEqualTo(401);
            }
            assertThat(signIn(service, ATTACKER, ADMIN_PASSWORD, "198.51.100.1").status())
                    .as("the client behind the proxy").isEqualTo(429);
            assertThat(signIn(service, ATTACKER, ADMIN_PASSWORD, "198.51.100.2").status())
                    .as("another client behind the same proxy").isEqualTo(200);

            for (int guess = 1; guess <= 5; guess++) {
                assertThat(signIn(service, OWNER, ADMIN_PASSWORD + guess, "203.0.113." + guess).status())
                        .as("an untrusted peer's own header is ignored").isEqualTo(401);
            }
            assertThat(signIn(service, OWNER, ADMIN_PASSWORD, "203.0.113.99").status())
                    .as("counted by its own address whatever it claims").isEqualTo(429);
        }
    }

    /** The administrator's sign-in from {@code from}, sending {@code X-Forwarded-For} when a client is given. */
    private static RawHttp.Answer signIn(RunningService service, String from, String password, String... forwardedFor) {
        List<String> headers = forwardedFor.length == 0 ? List.of("Content-Type", "application/json")
                : List.of("Content-Type", "application/json", "X-Forwarded-For", String.join(", ", forwardedFor));
        return signIn(service, from, ADMIN, password, headers);
    }

    private static RawHttp.Answer signIn(RunningService service, String from, String username, String password,
            List<String> headers) {
        return RawHttp.exchangeFrom(from, service.port(), "POST", "/api/v2/auth/login", headers,
                ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Answer changeOwnPassword(RunningService service, String token, String from, String current) {
        return RawHttp.exchangeFrom(from, service.port(), "PUT", "/api/v2/users/clerk/password",
                List.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
                ("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"a brand new password\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
