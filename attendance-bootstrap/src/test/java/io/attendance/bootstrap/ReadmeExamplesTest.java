package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every code block of the README and of docs/ that names its source shows that source exactly. */
class ReadmeExamplesTest {
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void everyMarkedBlockIsItsSourceWordForWord() throws Exception {
        assertThat(ReadmeExamples.in(REPOSITORY.resolve("docs/embedding.md")))
                .extracting(ReadmeExamples.Example::reference).contains(
                        "../attendance-application/src/test/java/example/Main.java",
                        "../attendance-bootstrap/src/test/java/example/PostgresExample.java#on-the-hosts-database");
        assertThat(ReadmeExamples.in(REPOSITORY.resolve("docs/clients.md")))
                .extracting(ReadmeExamples.Example::reference).contains(
                        "../attendance-bootstrap/src/test/java/io/attendance/bootstrap/ClientExample.java#record-a-day");

        List<ReadmeExamples.Example> examples = new ArrayList<>();
        for (Path markdown : readmeAndDocs()) {
            examples.addAll(ReadmeExamples.in(markdown));
        }
        assertThat(examples).allSatisfy(example ->
                assertThat(example.shown()).as(example.reference()).isEqualTo(example.source()));
    }

    private static List<Path> readmeAndDocs() throws Exception {
        List<Path> files = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
