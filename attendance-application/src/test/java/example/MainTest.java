package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedding example of docs/embedding.md (bootstrap's ReadmeExamplesTest keeps the document equal to it) runs as the document says. */
class MainTest {

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
}
