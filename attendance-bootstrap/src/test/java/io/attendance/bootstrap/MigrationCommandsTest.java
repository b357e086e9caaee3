package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code migrate}, {@code status} and {@code rollback --count N} against a real, empty database. */
class MigrationCommandsTest {
    private final Map<String, String> environment = TestServers.freshEnvironment();

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, environment, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("exit code of %s, stderr: %s", String.join(" ", args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusListsPendingChangesUntilMigrateAppliesThemAndRollbackUndoesOne() {
        assertThat(run("status")).containsPattern("^\\d+ changesets have not been applied").contains("001-create-employees");

        assertThat(run("migrate")).contains("migrations applied");
        assertThat(run("status")).contains("up to date").doesNotContain("001-create-employees");

        assertThat(run("rollback", "--count", "1")).contains("rolled back 1 changeset(s)");
        assertThat(run("status")).startsWith("1 changeset").doesNotContain("001-create-employees");

        assertThat(run("migrate")).contains("migrations applied");
        assertThat(run("status")).contains("up to date");
    }
}
