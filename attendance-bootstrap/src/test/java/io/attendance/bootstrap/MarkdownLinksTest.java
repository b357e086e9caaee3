package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's Markdown stays navigable: every relative link names a file that exists and an
 * anchor that a heading of it produces, and the README's map links every document under docs/.
 * Sections move between files; this is what tells a moved one from a lost one.
 */
class MarkdownLinksTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCED_BLOCK = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<Path> markdown = markdownFiles();
        assertThat(markdown).extracting(file -> REPOSITORY.relativize(file).toString())
                .contains("README.md", "docs/architecture.md", "bench/README.md", "CHANGELOG.md");

        List<String> broken = new ArrayList<>();
        for (Path file : markdown) {
            for (String target : links(file)) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                brokenBy(file, target).ifPresent(reason ->
                        broken.add(REPOSITORY.relativize(file) + ": (" + target + ") " + reason));
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeMapLinksEveryDocument() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : links(REPOSITORY.resolve("README.md"))) {
            linked.add(REPOSITORY.resolve(target.replaceFirst("#.*", "")).normalize());
        }
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            assertThat(docs.filter(file -> file.toString().endsWith(".md")).toList())
                    .isNotEmpty()
                    .allSatisfy(doc -> assertThat(linked).as("README links %s", REPOSITORY.relativize(doc)).contains(doc));
        }
    }

    private static Optional<String> brokenBy(Path from, String target) throws IOException {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
            return Optional.of("no such file");
        }
        if (hash < 0 || !resolved.toString().endsWith(".md")) {
            return Optional.empty();
        }
        String anchor = target.substring(hash + 1);
        return anchors(resolved).contains(anchor)
                ? Optional.empty()
                : Optional.of("no heading with anchor #" + anchor + " in " + REPOSITORY.relativize(resolved));
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> isSource(REPOSITORY.relativize(file)))
                    .sorted()
                    .toList();
        }
    }

    /** Not a build output, a dependency tree or a hidden directory (.git, an IDE's). */
    private static boolean isSource(Path relative) {
        Path folder = relative.getParent();
        if (folder == null) {
            return true;
        }
        for (Path part : folder) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> links(Path markdown) throws IOException {
        String text = CODE_SPAN.matcher(FENCED_BLOCK.matcher(Files.readString(markdown)).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchors(Path markdown) throws IOException {
        String text = FENCED_BLOCK.matcher(Files.readString(markdown)).replaceAll("");
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            String slug = heading.group(1)
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int repeats = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
        }
        return anchors;
    }
}
