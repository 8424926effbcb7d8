package io.connlint.core.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A check looks at the file system only through {@link TextFile} and {@link FileAccess}, which
 * name every path to the run's watch: a build that repeats an earlier outcome relies on the
 * watch having seen every place the check looked. This test reads the main sources and fails on
 * any other use of {@code java.nio.file.Files}, {@code java.io.File} or {@code toRealPath}.
 */
class FileAccessTest {

    /** Sources allowed to touch the file system directly, and why. */
    private static final List<String> ALLOWED = List.of(
            "io/connlint/core/read/TextFile.java",          // reads, through the watch
            "io/connlint/core/read/FileAccess.java",        // probes and listings, through the watch
            "io/connlint/core/engine/ProjectSnapshot.java", // describes the project; is not the check
            "io/connlint/core/report/");                    // writes reports, reads a baseline named by the user

    private static final Pattern DIRECT = Pattern.compile(
            "(?<![\\w.])Files\\.\\w+\\(|\\bnew File\\(|\\.toFile\\(\\)|\\.toRealPath\\(|\\bFileInputStream\\b"
                    + "|\\bRandomAccessFile\\b|\\bFileChannel\\.open\\(");

    @Test
    void readersLookAtTheFileSystemOnlyThroughTheWatchedDoors() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources.resolve("io/connlint/core")), "run from linter-core");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String rel = sources.relativize(file).toString().replace('\\', '/');
            if (ALLOWED.stream().anyMatch(rel::startsWith)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceAll("//.*", "").replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
                Matcher m = DIRECT.matcher(code);
                if (m.find() && !code.trim().startsWith("*")) {
                    found.add(rel + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertTrue(files.size() > 100, "the sources were not found");
        assertEquals(List.of(), found, "use FileAccess or TextFile, which name the path to the run's watch");
    }
}
