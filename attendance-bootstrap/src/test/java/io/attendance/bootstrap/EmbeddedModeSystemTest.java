package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no server configured the service brings its own, and their data outlive a restart. Its first
 * start makes an administrator with a generated password, shown on the console once.
 */
class EmbeddedModeSystemTest {
    private static final Pattern GENERATED = Pattern.compile("^ {2}password: (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dataDirectory;

    @Test
    void theFirstStartShowsAWorkingAdministratorPasswordOnceAndRecordsSurviveARestart() {
        // no ATTENDANCE_ADMIN_PASSWORD: the service chooses one
        Map<String, String> embedded = Map.of("ATTENDANCE_DATA_DIR", dataDirectory.toString(),
                "ATTENDANCE_ADMIN_PASSWORD", "");
        ByteArrayOutputStream firstConsole = new ByteArrayOutputStream();
        String password;
        try (RunningService service = RunningService.start(embedded, console(firstConsole))) {
            String shown = firstConsole.toString(StandardCharsets.UTF_8);
            Matcher generated = GENERATED.matcher(shown);
            assertThat(generated.find()).as("a generated password in %s", shown).isTrue();
            password = generated.group(1);
            assertThat(shown).contains("username: admin", "POST /api/v2/auth/login", "PUT /api/v2/users/admin/password");
            assertThat(generated.find()).as("the password shown a second time").isFalse();

            RunningService admin = service.withBearer(service.signIn("admin", password));
            assertThat(admin.create("E-1", "Ada Lovelace", "Present", "2026-11-02").statusCode()).isEqualTo(200);
            assertThat(admin.get("/api/v1/attendance/health/detail").body())
                    .contains("\"postgresql\":\"up\"", "\"redis\":\"up\"");
        }

        ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();
        try (RunningService restarted = RunningService.start(embedded, console(secondConsole))) {
            assertThat(secondConsole.toString(StandardCharsets.UTF_8)).as("the console after a restart").isEmpty();
            RunningService admin = restarted.withBearer(restarted.signIn("admin", password));
            assertThat(admin.get("/api/v1/attendance/search?id=E-1").body())
                    .isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-02\"}");
        }
    }

    private static PrintStream console(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
