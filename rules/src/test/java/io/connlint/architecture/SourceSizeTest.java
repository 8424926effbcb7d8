package io.connlint.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** No main source file grows past what one reader holds in mind (docs/architecture.md). */
class SourceSizeTest {

    static final int MAX_LINES = 400;

    /** The Python parser: a lexer, parser and evaluator of a language's grammar, kept whole on purpose. */
    static final Set<String> PYTHON_PARSER = Set.of("Lexer.java", "Parser.java", "Evaluator.java", "Calls.java",
            "Values.java");

    @Test
    void noMainSourceFileIsLongerThan400Lines() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        for (String module : List.of("linter-core", "rules", "cli", "maven-plugin")) {
            Path main = repository.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(main)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    boolean parser = f.getParent().endsWith(Path.of("io/connlint/core/read/python"))
                            && PYTHON_PARSER.contains(f.getFileName().toString());
                    long lines;
                    try (Stream<String> l = Files.lines(f)) {
                        lines = l.count();
                    }
                    if (!parser && lines > MAX_LINES) {
                        tooLong.add(repository.relativize(f) + ": " + lines + " lines");
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files under " + repository);
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }
}
