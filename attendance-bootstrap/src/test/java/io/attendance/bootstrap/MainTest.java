package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBadSettingStopsTheProcessWithExitCode2AndOneLineNamingTheVariable() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
        builder.environment().put("ATTENDANCE_HTTP_PORT", "not-a-port");
        builder.redirectErrorStream(false);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> errorLines = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("configuration error: ATTENDANCE_HTTP_PORT");
    }

    @Test
    void anUnknownCommandOrABadRollbackCountIsAUsageError() {
        assertThat(run(Map.of(), "dance")).isEqualTo(Main.BAD_CONFIGURATION);
        assertThat(run(Map.of(), "rollback")).isEqualTo(Main.BAD_CONFIGURATION);
        assertThat(run(Map.of(), "rollback", "--count", "zero")).isEqualTo(Main.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void helpPrintsTheUsage() throws IOException {
        assertThat(run(Map.of(), "help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar attendance-api.jar");
    }
}
