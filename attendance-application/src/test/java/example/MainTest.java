package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's embedding example is this module's {@link Main}, and it runs as the README says. */
class MainTest {
    private static final String SOURCE = "attendance-application/src/test/java/example/Main.java";

    @Test
    void theExampleRunsAndPrintsTheDayItRecordedAndTheRange() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "read back: E-1 2025-03-03 PRESENT",
                "in March: E-1 2025-03-03 PRESENT",
                "in March: E-1 2025-03-04 WORK_FROM_HOME");
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher block = Pattern.compile("<!-- example: " + Pattern.quote(SOURCE) + " -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);

        assertThat(block.find()).as("README.md has a java block marked <!-- example: " + SOURCE + " -->").isTrue();
        assertThat(block.group(1)).isEqualTo(Files.readString(root.resolve(SOURCE)));
    }
}
