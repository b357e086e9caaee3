package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every code block of the README that names its source shows that source exactly. */
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyMarkedBlockIsItsSourceWordForWord() throws Exception {
        List<ReadmeExamples.Example> examples = ReadmeExamples.in(README);

        assertThat(examples).extracting(ReadmeExamples.Example::reference).contains(
                "attendance-application/src/test/java/example/Main.java",
                "attendance-bootstrap/src/test/java/example/PostgresExample.java#on-the-hosts-database",
                "attendance-bootstrap/src/test/java/io/attendance/bootstrap/ClientExample.java#record-a-day");
        assertThat(examples).allSatisfy(example ->
                assertThat(example.shown()).as(example.reference()).isEqualTo(example.source()));
    }
}
