package io.attendance.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a Markdown file that say where their code lives: a fenced block right after
 * {@code <!-- example: path/to/File.java -->} (the whole file) or
 * {@code <!-- example: path/to/File.java#name -->} (the lines between {@code // region name} and
 * {@code // endregion} in that file, their common indentation removed). Paths are relative to the
 * Markdown file's directory. The source file is compiled and run by a test, so the block, kept equal
 * to it, cannot rot.
 */
final class ReadmeExamples {
    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- example: ([^#\\s]+)(?:#([\\w-]+))? -->\\s*\\n```[\\w-]*\\n(.*?)\\n```", Pattern.DOTALL);

    /** One marked block: what the Markdown shows and what the source file holds. */
    record Example(String reference, String shown, String source) {
    }

    private ReadmeExamples() {
    }

    static List<Example> in(Path markdown) throws IOException {
        Path root = markdown.toAbsolutePath().getParent();
        List<Example> examples = new ArrayList<>();
        Matcher block = MARKED_BLOCK.matcher(Files.readString(markdown));
        while (block.find()) {
            String file = Files.readString(root.resolve(block.group(1)));
            String region = block.group(2);
            String reference = region == null ? block.group(1) : block.group(1) + "#" + region;
            examples.add(new Example(reference, block.group(3), region == null ? file.strip() : region(file, region)));
        }
        return examples;
    }

    /** The lines between {@code // region name} and the next {@code // endregion}, dedented. */
    private static String region(String file, String name) {
        List<String> lines = file.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// region " + name)) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).strip().equals("// endregion")) {
                return dedent(lines.subList(start, i));
            }
        }
        throw new IllegalArgumentException("no region " + name + " closed by // endregion");
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
