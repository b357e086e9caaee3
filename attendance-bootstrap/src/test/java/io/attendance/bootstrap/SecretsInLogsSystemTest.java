package io.attendance.bootstrap;

import static io.attendance.bootstrap.RunningService.ADMIN;
import static io.attendance.bootstrap.RunningService.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every secret the service handles, through a whole flow of sign-ins, users, passwords and keys, and
 * not one of them (nor a password hash, nor the digest a store keeps of a token) in any log line
 * written meanwhile, with the root logger at DEBUG as {@code ATTENDANCE_LOG_LEVEL=DEBUG} sets it, nor on
 * the console.
 */
class SecretsInLogsSystemTest {
    private static final String FIRST_PASSWORD = "clerk-first-password";
    private static final String SECOND_PASSWORD = "clerk-second-password";

    @Test
    void noPasswordTokenKeyHashOrDigestReachesALogLine() {
        Map<String, String> servers = TestServers.freshEnvironment();
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, FIRST_PASSWORD, SECOND_PASSWORD, "$argon2id$"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG)) {
            try (RunningService service = RunningService.start(servers,
                    new PrintStream(console, true, StandardCharsets.UTF_8))) {
                String adminToken = service.signIn(ADMIN, ADMIN_PASSWORD);
                RunningService admin = service.withBearer(adminToken);
                assertThat(admin.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"" + FIRST_PASSWORD
                        + "\",\"roles\":[\"MANAGER\"]}").statusCode()).isEqualTo(201);
                String firstToken = service.signIn("clerk", FIRST_PASSWORD);
                assertThat(service.withBearer(firstToken).put("/api/v2/users/clerk/password",
                        "{\"currentPassword\":\"" + FIRST_PASSWORD + "\",\"newPassword\":\"" + SECOND_PASSWORD + "\"}")
                        .statusCode()).isEqualTo(204);
                assertThat(service.withBearer(firstToken).get("/api/v2/auth/me").statusCode()).isEqualTo(401);
                String secondToken = service.signIn("clerk", SECOND_PASSWORD);
                assertThat(service.withBearer(secondToken).put("/api/v2/employees/E-1", "{\"name\":\"Ada\"}")
                        .statusCode()).isEqualTo(201);
                String key = admin.issueApiKey("payroll-sync", "MANAGER");
                assertThat(service.withApiKey(key).get("/api/v2/employees/E-1").statusCode()).isEqualTo(200);
                for (int guess = 1; guess <= 6; guess++) {
                    String wrong = "wrong-guess-number-" + guess;
                    secrets.add(wrong);
                    assertThat(service.login("clerk", wrong).statusCode()).isIn(401, 429);
                }
                assertThat(service.login("clerk", FIRST_PASSWORD).statusCode()).isEqualTo(429);
                assertThat(admin.post("/api/v2/auth/logout", "").statusCode()).isEqualTo(204);

                for (String secret : List.of(adminToken, firstToken, secondToken, key)) {
                    secrets.add(secret);
                    secrets.add(SecretToken.presented(secret).orElseThrow().digest());
                }
                secrets.addAll(storedHashes(servers, "admin", "clerk"));
            }
            lines = logs.lines();
        }

        assertThat(lines).as("the capture itself").anyMatch(line -> line.contains("Attendance API listening on port"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines holding a secret").noneMatch(line -> line.contains(secret));
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("the console").isEmpty();
    }

    /**
     * A password change that times out on a row another session holds locked, and one that a trigger
     * refuses with the row in its detail: JDBI and the driver put a statement's bound values (the new
     * hash) and the server's detail into exception messages, which reach the log and a 503's reason.
     */
    @Test
    void noPasswordOrHashReachesALogLineOrAnAnswerWhenTheDatabaseFails() throws SQLException {
        Map<String, String> servers = new HashMap<>(TestServers.freshEnvironment());
        // the production timeout, which the locked row is to run into
        servers.put("ATTENDANCE_DB_STATEMENT_TIMEOUT", "1s");
        String timedOutPassword = "clerk-timed-out-password";
        String refusedPassword = "clerk-refused-password";
        List<String> lines;
        List<String> answers = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG);
             RunningService service = RunningService.start(servers);
             Connection other = TestServers.openConnection(servers)) {
            RunningService admin = service.withBearer(service.signIn(ADMIN, ADMIN_PASSWORD));
            assertThat(admin.post("/api/v2/users", "{\"username\":\"clerk\",\"password\":\"" + FIRST_PASSWORD
                    + "\",\"roles\":[\"VIEWER\"]}").statusCode()).isEqualTo(201);

            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT 1 FROM users WHERE username = 'clerk' FOR UPDATE");
            }
            HttpResponse<String> timedOut = admin.put("/api/v2/users/clerk/password",
                    "{\"newPassword\":\"" + timedOutPassword + "\"}");
            assertThat(timedOut.statusCode()).as("a statement timeout").isEqualTo(503);
            answers.add(timedOut.body());
            other.rollback();

            other.setAutoCommit(true);
            try (Statement trigger = other.createStatement()) {
                trigger.execute("CREATE FUNCTION refuse_user_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused by a test trigger' USING DETAIL = 'new row: ' || NEW.password_hash;"
                        + " END $$");
                trigger.execute("CREATE TRIGGER refuse_user_updates BEFORE UPDATE ON users"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_user_updates()");
            }
            HttpResponse<String> refused = admin.put("/api/v2/users/clerk/password",
                    "{\"newPassword\":\"" + refusedPassword + "\"}");
            assertThat(refused.statusCode()).as("a failure the service has no word for").isEqualTo(500);
            answers.add(refused.body());
            lines = logs.lines();
        }

        assertThat(lines).as("the failures are logged").anyMatch(line -> line.contains("refused by a test trigger"));
        for (String secret : List.of("$argon2id$", timedOutPassword, refusedPassword, FIRST_PASSWORD)) {
            assertThat(lines).as("log lines holding a secret").noneMatch(line -> line.contains(secret));
            assertThat(answers).as("answers holding a secret").noneMatch(answer -> answer.contains(secret));
        }
    }

    /** What the database keeps of each user's password. */
    private static List<String> storedHashes(Map<String, String> servers, String... usernames) {
        try (PostgresDatabase database = PostgresDatabase.connect(servers.get("ATTENDANCE_DB_URL"),
                servers.get("ATTENDANCE_DB_USER"), servers.get("ATTENDANCE_DB_PASSWORD"), 1, new SimpleMeterRegistry())) {
            List<String> hashes = new ArrayList<>();
            for (String username : usernames) {
                User user = database.transactions().inTransaction(() -> database.users().find(new Username(username)))
                        .orElseThrow();
                hashes.add(user.passwordHash().encoded());
            }
            return hashes;
        }
    }
}
