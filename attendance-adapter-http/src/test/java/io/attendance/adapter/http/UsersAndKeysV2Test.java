package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The administrator's routes for users and API keys, as the first administrator signed in. */
class UsersAndKeysV2Test {
    private static final String BOB_PASSWORD = "bob's long password";

    @RegisterExtension
    final RunningApi server = RunningApi.start();
    private final String adminToken;

    UsersAndKeysV2Test() {
        adminToken = signIn("admin", RunningApi.ADMIN_PASSWORD);
        server.actAs(java.util.List.of("Authorization", "Bearer " + adminToken));
    }

    private String signIn(String username, String password) {
        RunningApi.Reply reply = server.post(V2AccessEndpoints.LOGIN,
                "{\"username\":" + RunningApi.quoted(username) + ",\"password\":" + RunningApi.quoted(password) + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    private RunningApi.Reply createBob(String roles) {
        return server.post(V2AccessEndpoints.USERS,
                "{\"username\":\"bob\",\"password\":\"" + BOB_PASSWORD + "\",\"roles\":" + roles + "}");
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInAndIsListedWithoutAHash() {
        RunningApi.Reply created = createBob("[\"manager\"]");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v2/users/bob");
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"MANAGER\"]");
        String token = signIn("bob", BOB_PASSWORD);
        assertThat(server.get(V2Paths.EMPLOYEES, "Authorization", "Bearer " + token).status()).isEqualTo(200);

        RunningApi.Reply listed = server.get(V2AccessEndpoints.USERS);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).extracting(user -> user.get("username").asText()).containsExactly("admin", "bob");
        assertThat(listed.body()).doesNotContain("hash").doesNotContain("fake$").doesNotContain(BOB_PASSWORD);
        assertThat(createBob("[\"VIEWER\"]").status()).as("the name is taken").isEqualTo(409);
    }

    @Test
    void aDeletedUsersSessionsStopAtOnceAndTheirNameStaysTaken() {
        createBob("[\"ADMIN\"]");
        String bobsToken = signIn("bob", BOB_PASSWORD);
        RunningApi.Reply issued = server.post(V2AccessEndpoints.API_KEYS, "{\"name\":\"bob's clock\",\"roles\":[\"DEVICE\"]}",
                "Authorization", "Bearer " + bobsToken);
        String bobsKey = issued.json().get("key").asText();

        assertThat(server.delete(V2AccessEndpoints.USERS + "/bob").status()).isEqualTo(204);

        assertThat(server.get(V2AccessEndpoints.ME, "Authorization", "Bearer " + bobsToken).status()).isEqualTo(401);
        assertThat(server.get(V2AccessEndpoints.ME, AccessControl.API_KEY_HEADER, bobsKey).status())
                .as("a key stops with the user who issued it").isEqualTo(401);
        assertThat(server.get(V2AccessEndpoints.USERS).json().get(1).get("disabledAt").isTextual()).isTrue();
        assertThat(server.delete(V2AccessEndpoints.USERS + "/admin").status()).as("the last administrator").isEqualTo(409);
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOne() {
        createBob("[\"VIEWER\"]");
        String token = signIn("bob", BOB_PASSWORD);
        String[] asBob = {"Authorization", "Bearer " + token};

        assertThat(server.put(V2AccessEndpoints.USERS + "/bob/password", "{\"newPassword\":\"bob's newer password\"}", asBob)
                .status()).isEqualTo(400);
        assertThat(server.put(V2AccessEndpoints.USERS + "/admin/password",
                "{\"currentPassword\":\"x\",\"newPassword\":\"taken over by bob\"}", asBob).status()).isEqualTo(403);
        assertThat(server.put(V2AccessEndpoints.USERS + "/bob/password",
                "{\"currentPassword\":\"" + BOB_PASSWORD + "\",\"newPassword\":\"bob's newer password\"}", asBob)
                .status()).isEqualTo(204);

        assertThat(server.get(V2AccessEndpoints.ME, asBob).status()).as("signed out everywhere").isEqualTo(401);
        signIn("bob", "bob's newer password");
        assertThat(server.put(V2AccessEndpoints.USERS + "/bob/password", "{\"newPassword\":\"set by the administrator\"}")
                .status()).isEqualTo(204);
        signIn("bob", "set by the administrator");
    }

    @Test
    void anApiKeyIsShownOnceStoredAsADigestAndRevokedAtOnce() {
        RunningApi.Reply issued = server.post(V2AccessEndpoints.API_KEYS,
                "{\"name\":\"time clock, door 3\",\"roles\":[\"DEVICE\"]}");

        assertThat(issued.status()).isEqualTo(201);
        JsonNode key = issued.json();
        String secret = key.get("key").asText();
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(key.get("createdBy").asText()).isEqualTo("admin");
        assertThat(issued.header("Location")).isEqualTo("/api/v2/api-keys/" + key.get("id").asText());
        String[] asDevice = {AccessControl.API_KEY_HEADER, secret};
        server.putEmployee("E-9", "Nine");
        assertThat(server.putRecord("E-9", "2026-11-27", "{\"status\":\"Present\"}", asDevice).status())
                .as("a device writes").isEqualTo(201);
        assertThat(server.get(V2Paths.EMPLOYEES, asDevice).status()).as("and reads nothing").isEqualTo(403);

        RunningApi.Reply listed = server.get(V2AccessEndpoints.API_KEYS);
        assertThat(listed.body()).doesNotContain(secret).contains("time clock, door 3");

        assertThat(server.delete(V2AccessEndpoints.API_KEYS + "/" + key.get("id").asText()).status()).isEqualTo(204);
        assertThat(server.get(V2AccessEndpoints.ME, asDevice).status()).isEqualTo(401);
        assertThat(server.get(V2AccessEndpoints.API_KEYS).json()).filteredOn(each -> each.get("id").equals(key.get("id")))
                .singleElement().satisfies(revoked -> assertThat(revoked.get("revokedAt").isTextual()).isTrue());
    }

    @Test
    void anApiKeyCannotIssueAnotherKey() {
        String[] adminKey = server.keyFor(io.attendance.domain.model.Role.ADMIN).toArray(String[]::new);
        RunningApi.Reply refused = server.post(V2AccessEndpoints.API_KEYS, "{\"name\":\"k\",\"roles\":[\"ADMIN\"]}", adminKey);
        assertThat(refused.status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no roles|{\"username\":\"bob\",\"password\":\"long enough password\"}|roles must name at least one role",
        "an empty role list|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[]}|roles must name at least one role",
        "an unknown role|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[\"ROOT\"]}|roles[0] must be one of",
        "a role that is no string|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[1]}|roles[0] must be a JSON string",
        "roles as text|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":\"ADMIN\"}|roles must be a JSON array",
        "a short password|{\"username\":\"bob\",\"password\":\"short\",\"roles\":[\"VIEWER\"]}|password must be at least 12",
        "an employee without its id|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[\"EMPLOYEE\"]}|employeeId is required",
        "a bad employee id|{\"username\":\"bob\",\"password\":\"long enough password\",\"roles\":[\"EMPLOYEE\"],\"employeeId\":\"a b\"}|employeeId may contain only",
        "a bad name|{\"username\":\"bob smith\",\"password\":\"long enough password\",\"roles\":[\"VIEWER\"]}|username may contain only",
    })
    void aMalformedUserIs400AndStoresNothing(String what, String body, String error) {
        RunningApi.Reply reply = server.deliberatelyInvalid().post(V2AccessEndpoints.USERS, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains(error);
        assertThat(reply.body()).doesNotContain("long enough password");
        assertThat(server.get(V2AccessEndpoints.USERS).json()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no name|{\"roles\":[\"DEVICE\"]}|name is required",
        "a name of two lines|{\"name\":\"a\\nb\",\"roles\":[\"DEVICE\"]}|name",
        "no roles|{\"name\":\"clock\"}|roles must name at least one role",
    })
    void aMalformedKeyIs400AndIssuesNothing(String what, String body, String error) {
        RunningApi.Reply reply = server.deliberatelyInvalid().post(V2AccessEndpoints.API_KEYS, body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains(error);
        assertThat(server.get(V2AccessEndpoints.API_KEYS).json()).as("the tests' own key only").hasSize(1);
    }

    @Test
    void aMalformedKeyIdIs400() {
        RunningApi.Reply reply = server.deliberatelyInvalid().delete(V2AccessEndpoints.API_KEYS + "/not-a-key-id");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("keyId must be 16 lower-case hexadecimal digits");
    }

    @Test
    void theLocationOfACreatedUserOrKeyAnswersWhatTheCreationDid() {
        RunningApi.Reply bob = createBob("[\"VIEWER\"]");
        RunningApi.Reply key = server.post(V2AccessEndpoints.API_KEYS, "{\"name\":\"clock\",\"roles\":[\"DEVICE\"]}");

        RunningApi.Reply readBob = server.get(bob.header("Location"));
        RunningApi.Reply readKey = server.get(key.header("Location"));

        assertThat(readBob.status()).isEqualTo(200);
        assertThat(readBob.json()).isEqualTo(bob.json());
        assertThat(readKey.status()).isEqualTo(200);
        assertThat(server.get(V2AccessEndpoints.API_KEYS).json()).contains(readKey.json());
        assertThat(readKey.json().get("id")).isEqualTo(key.json().get("id"));
        assertThat(readKey.body()).doesNotContain(key.json().get("key").asText());
        assertThat(server.get(V2AccessEndpoints.USERS + "/nobody").status()).isEqualTo(404);
        assertThat(server.get(V2AccessEndpoints.API_KEYS + "/0123456789abcdef").status()).isEqualTo(404);
    }

    @Test
    void aUserReadsThemselfButNoOneElse() {
        createBob("[\"VIEWER\"]");
        String[] asBob = {"Authorization", "Bearer " + signIn("bob", BOB_PASSWORD)};

        RunningApi.Reply self = server.get(V2AccessEndpoints.USERS + "/bob", asBob);

        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(server.get(V2AccessEndpoints.USERS + "/admin", asBob).status()).isEqualTo(403);
        assertThat(server.get(V2AccessEndpoints.USERS + "/nobody", asBob).status()).isEqualTo(403);
    }
}
