package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code create-user} against a real, empty database: the way in for the first administrator of a
 * service started on an external database without {@code ATTENDANCE_ADMIN_PASSWORD}.
 */
class CreateUserCommandTest {
    private static final String PASSWORD = "ops-password-0123";

    private final Map<String, String> servers = TestServers.freshEnvironment();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    private int run(InputStream input, String... args) {
        return Main.run(args, servers, input,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Standard input that must not be read. */
    private static final InputStream UNREAD = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("the password was read");
        }
    };

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aServiceWithNoUserAndNoPasswordWarnsAndCreateUserLetsAnAdministratorIn() {
        Map<String, String> noPassword = new HashMap<>(servers);
        noPassword.put("ATTENDANCE_ADMIN_PASSWORD", "");
        try (CapturedLogs logs = new CapturedLogs(Level.INFO);
             RunningService service = RunningService.start(noPassword)) {
            assertThat(logs.warnings()).anyMatch(line -> line.contains("nobody can sign in") && line.contains("create-user"));
            assertThat(service.login("admin", RunningService.ADMIN_PASSWORD).statusCode()).isEqualTo(401);

            int code = run(PASSWORD + "\nnot read\n", "create-user", "--username", "Ops", "--role", "admin,viewer",
                    "--role", "MANAGER");

            assertThat(code).as("exit code, output: %s", output()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("user ops created with roles [ADMIN, MANAGER, VIEWER]" + System.lineSeparator());
            assertThat(output()).doesNotContain(PASSWORD);
            RunningService ops = service.withBearer(service.signIn("ops", PASSWORD));
            assertThat(ops.get("/api/v2/auth/me").body()).contains("\"ADMIN\"", "\"MANAGER\"", "\"VIEWER\"");
            assertThat(ops.get("/api/v2/users").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEmployeeUserIsLinkedToTheirEmployeeAndATakenNameFailsWithExitCode1() {
        assertThat(run(PASSWORD, "create-user", "--username", "ada", "--role", "EMPLOYEE", "--employee", "E-1"))
                .as("exit code, output: %s", output()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("user ada created with roles [EMPLOYEE] for employee E-1");

        assertThat(run("another-password-0123", "create-user", "--username", "ADA", "--role", "VIEWER"))
                .isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create-user failed: user ada exists already");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "short-Zq7\n", "            \n"})
    void anEmptyOrShortPasswordIsAUsageErrorAndIsNotEchoed(String input) {
        assertThat(run(input, "create-user", "--username", "ops", "--role", "ADMIN")).isEqualTo(Main.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("create-user: password ")
                .contains("first line of standard input");
        if (!input.isBlank()) {
            assertThat(output()).doesNotContain(input.strip());
        }
    }

    @Test
    void missingOrBadArgumentsAreUsageErrorsBeforeThePasswordIsRead() {
        String[][] mistakes = {
            {"create-user", "--role", "ADMIN"},
            {"create-user", "--username", "ops"},
            {"create-user", "--username", "ops", "--role", "OWNER"},
            {"create-user", "--username", "ops", "--role", "EMPLOYEE"},
            {"create-user", "--username", "o p s", "--role", "ADMIN"},
            {"create-user", "--username", "ops", "--role", "ADMIN", "--employee", "E 1"},
            {"create-user", "--username", "ops", "--role", "ADMIN", "--colour", "blue"},
            {"create-user", "--username", "ops", "--role"},
        };
        for (String[] args : mistakes) {
            err.reset();
            assertThat(run(UNREAD, args)).as(String.join(" ", args)).isEqualTo(Main.BAD_CONFIGURATION);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args))
                    .startsWith("create-user: ").contains("usage: java -jar attendance-api.jar create-user");
        }
    }
}
