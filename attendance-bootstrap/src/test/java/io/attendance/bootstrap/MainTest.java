package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, environment, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"ATTENDANCE_HTTP_PORT, not-a-port", "ATTENDANCE_LOG_LEVEL, LOUD"})
    void aBadSettingStopsTheProcessWithExitCode2AndOneLineNamingTheVariable(String variable, String value)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
        builder.environment().put(variable, value);
        builder.redirectErrorStream(false);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> errorLines = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("configuration error: " + variable);
    }

    @Test
    void theLogLevelOfTheConfigFileIsSetOnTheRootLoggerAndTheEnvironmentWins(@TempDir Path directory)
            throws IOException {
        Path file = Files.writeString(directory.resolve("attendance.yaml"), "log:\n  level: debug\n");
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            assertThat(run(Map.of("CONFIG_FILE", file.toString()), "help")).isZero();
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);

            assertThat(run(Map.of("CONFIG_FILE", file.toString(), "ATTENDANCE_LOG_LEVEL", "error"), "help")).isZero();
            assertThat(root.getLevel()).isEqualTo(Level.ERROR);
        } finally {
            root.setLevel(before);
        }
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
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar attendance-api.jar")
                .contains("create-user --username U --role R", "first line of standard input");
    }
}
