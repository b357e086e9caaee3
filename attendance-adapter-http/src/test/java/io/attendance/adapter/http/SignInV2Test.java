package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attendance.application.access.CreateUserCommand;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Username;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sign-in, the bearer token it gives, sign-out, and every way a credential can be wrong. */
class SignInV2Test {
    private static final String PASSWORD = "alice's long password";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    SignInV2Test() {
        server.useCases.users().create(new CreateUserCommand(new Username("alice"), Password.chosen("p", PASSWORD),
                new Grant(Set.of(Role.EMPLOYEE), Optional.of(new EmployeeId("E-1")))));
        server.actAnonymously();
    }

    private RunningApi.Reply login(String username, String password) {
        return server.post(V2AccessEndpoints.LOGIN,
                "{\"username\":" + RunningApi.quoted(username) + ",\"password\":" + RunningApi.quoted(password) + "}");
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Test
    void aSignInAnswersATokenItsEndAndWhoItSignsIn() {
        RunningApi.Reply reply = login("Alice", PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = reply.json();
        assertThat(Base64.getUrlDecoder().decode(body.get("token").asText())).hasSize(32);
        assertThat(body.get("expiresAt").asText()).isEqualTo(RunningApi.START.plus(Duration.ofHours(24)).toString());
        assertThat(body.get("user").toString())
                .isEqualTo("{\"kind\":\"user\",\"username\":\"alice\",\"roles\":[\"EMPLOYEE\"],\"employeeId\":\"E-1\"}");

        RunningApi.Reply me = server.get(V2AccessEndpoints.ME, bearer(body.get("token").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(body.get("user"));
    }

    @Test
    void aSignedOutTokenIsRefusedAtOnce() {
        String token = login("alice", PASSWORD).json().get("token").asText();

        assertThat(server.post(V2AccessEndpoints.LOGOUT, "", bearer(token)).status()).isEqualTo(204);

        RunningApi.Reply refused = server.get(V2AccessEndpoints.ME, bearer(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"attendance\"");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        RunningApi.Reply wrong = login("alice", "not alice's password");
        RunningApi.Reply unknown = login("mallory", PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.body()).doesNotContain("alice").doesNotContain("not alice's password");
    }

    @Test
    void theSixthWrongPasswordIsAnswered429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("alice", "wrong " + i).status()).isEqualTo(401);
        }
        RunningApi.Reply throttled = login("alice", PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
        server.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login("alice", PASSWORD).status()).as("after the window").isEqualTo(200);
    }

    @Test
    void withoutTheSessionStoreSignInAndTokensAre503WhileApiKeysKeepWorking() {
        String token = login("alice", PASSWORD).json().get("token").asText();
        List<String> viewerKey = server.keyFor(Role.VIEWER);
        server.sessionStoreUp.set(false);

        for (RunningApi.Reply reply : List.of(login("alice", PASSWORD), server.get(V2AccessEndpoints.ME, bearer(token)))) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("detail").asText()).isEqualTo("session store unavailable");
        }
        assertThat(server.get(V2Paths.EMPLOYEES, viewerKey.toArray(String[]::new)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no credentials|",
        "another scheme|Basic YWxpY2U6c2VjcmV0",
        "an empty bearer|Bearer ",
        "a token too short|Bearer abc",
        "a token never issued|Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a token with other characters|Bearer ÄAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void credentialsThatProveNothingAre401WithAChallenge(String what, String authorization) {
        RunningApi.Reply reply = authorization == null
                ? server.get(V2Paths.EMPLOYEES)
                : server.get(V2Paths.EMPLOYEES, "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"attendance\"");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aRequestWithBothKindsOfCredentialsIsRefused() {
        String token = login("alice", PASSWORD).json().get("token").asText();
        List<String> key = server.keyFor(Role.ADMIN);
        RunningApi.Reply reply = server.get(V2Paths.EMPLOYEES, "Authorization", "Bearer " + token, key.get(0), key.get(1));
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void anUnknownApiKeyIs401() {
        assertThat(server.get(V2Paths.EMPLOYEES, AccessControl.API_KEY_HEADER, "no-such-key").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no body|''|body is required",
        "not an object|[]|body must be a JSON object",
        "no username|{\"password\":\"x\"}|username is required",
        "no password|{\"username\":\"alice\"}|password is required",
        "a number for a name|{\"username\":7,\"password\":\"x\"}|username must be a JSON string",
        "a name with a space|{\"username\":\"al ice\",\"password\":\"x\"}|username may contain only",
    })
    void malformedSignInsAre400(String what, String body, String error) {
        RunningApi.Reply reply = server.deliberatelyInvalid().post(V2AccessEndpoints.LOGIN, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains(error);
    }

    @Test
    void anOverlongPasswordIsRefusedBeforeItIsHashed() {
        RunningApi.Reply reply = server.deliberatelyInvalid().post(V2AccessEndpoints.LOGIN,
                "{\"username\":\"alice\",\"password\":" + RunningApi.quoted("x".repeat(Password.MAX_LENGTH + 1)) + "}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("xxxxxxxx");
    }
}
