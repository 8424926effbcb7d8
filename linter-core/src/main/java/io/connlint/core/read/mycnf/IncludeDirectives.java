package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionLineSyntax.Line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.connlint.core.read.mycnf.OptionLineSyntax.skipSpace;
import static io.connlint.core.read.mycnf.OptionLineSyntax.startsWithWord;

/**
 * {@code !include} and {@code !includedir} as mysys follows them: the depth limit, a missing file
 * skipped, a missing directory fatal at the top, only {@code *.cnf} read from a directory, in
 * byte order, and a file that includes itself read again.
 */
final class IncludeDirectives {

    private final OptionFileRun run;

    IncludeDirectives(OptionFileRun run) {
        this.run = run;
    }

    /** Handles a {@code !} line; false when the rest of the file must be dropped. */
    boolean directive(Line line, int start, SourceLocation at, int depth) {
        String s = line.text();
        // checked with my_print_defaults 10.11: "!  include x" is an include
        String rest = s.substring(skipSpace(s, start + 1));
        String keyword;
        if (startsWithWord(rest, "includedir", line.terminated())) {
            keyword = "includedir";
        } else if (startsWithWord(rest, "include", line.terminated())) {
            keyword = "include";
        } else {
            return true; // mysys ignores other '!' lines
        }
        if (depth >= OptionFileReader.MAX_INCLUDE_DEPTH) {
            run.notes.add(new Note(at, "skipping '!" + keyword + "': the maximum include depth of "
                    + OptionFileReader.MAX_INCLUDE_DEPTH + " is reached (mysqld skips it too)"));
            return true;
        }
        Optional<String> parsed = OptionLineSyntax.argument(rest.substring(keyword.length()), line.terminated());
        if (parsed.isEmpty()) {
            run.stop(at, OptionFileIssue.LineError.DIRECTIVE_WITHOUT_PATH, keyword, depth);
            return false;
        }
        String argument = parsed.get();
        if (!line.terminated()) {
            // checked with my_print_defaults 10.11: "!include a.cnf" as the last line without a
            // line break includes "a.cn" (get_argument cuts one character for the '\n')
            run.notes.add(new Note(at, "the line has no line break, so mysqld drops the last character of the path "
                    + "and reads '" + argument + "'; end the line with a line break"));
        }
        Optional<Path> target = run.paths.resolve(argument, run.topDirectory);
        if (target.isEmpty()) {
            run.notes.add(new Note(at, "'!" + keyword + " " + argument + "' names a path outside the project; "
                    + "map it with pathMap in connlint.yml to check what it includes"));
            return true;
        }
        if (!argument.startsWith("/")) {
            run.notes.add(new Note(at, "relative '!" + keyword + " " + argument + "' resolved against "
                    + run.paths.display(run.topDirectory) + " (mysqld resolves it against its working directory)"));
        }
        if (keyword.equals("include")) {
            include(target.get(), at, argument, depth);
            return true;
        }
        return includeDir(target.get(), at, argument, depth);
    }

    private void include(Path path, SourceLocation at, String argument, int depth) {
        ProjectPaths paths = run.paths;
        if (!FileAccess.exists(path)) {
            // checked with my_print_defaults 10.11: a missing !include is skipped, the file goes on
            run.issues.add(OptionFileIssue.ignored(at, "!include " + argument,
                    new OptionFileIssue.IncludeMissing(argument, paths.display(path))));
            return;
        }
        if (FileAccess.isDirectory(path)) {
            run.issues.add(OptionFileIssue.ignored(at, "!include " + argument,
                    new OptionFileIssue.IncludeIsDirectory(argument, paths.display(path))));
            return;
        }
        enter(path, at, depth);
    }

    /** Reads an {@code !includedir}; false when the rest of the including file must be dropped. */
    private boolean includeDir(Path dir, SourceLocation at, String argument, int depth) {
        ProjectPaths paths = run.paths;
        if (!FileAccess.isDirectory(dir)) {
            // checked with my_print_defaults 10.11: "Can't read dir of '%s'"; in a top-level file
            // "Fatal error in defaults handling. Program aborted", in an included one the rest of
            // that file is dropped
            OptionFileIssue.Cause cause = new OptionFileIssue.IncludeDirMissing(argument, paths.display(dir));
            run.issues.add(depth == 0 ? OptionFileIssue.refused(at, "!includedir " + argument, cause)
                    : OptionFileIssue.ignored(at, "!includedir " + argument, cause));
            return false;
        }
        List<Path> files = new ArrayList<>();
        try {
            for (Path entry : FileAccess.list(dir)) {
                String name = entry.getFileName().toString();
                int dot = name.lastIndexOf('.');
                // checked with my_print_defaults 10.11: the extension after the last '.' must be
                // exactly ".cnf" (my.server.cnf and .cnf are read; x.CNF, x.conf, x.cnf.bak are not)
                if (dot >= 0 && name.substring(dot).equals(".cnf")) {
                    files.add(entry.toAbsolutePath().normalize());
                } else {
                    skippedForItsName(entry, at, argument);
                }
            }
        } catch (IOException e) {
            run.problems.add(ReadProblem.unreadable(at, "cannot list '" + argument + "': " + e.getMessage()));
            return true;
        }
        // checked with my_print_defaults 10.11: read in byte order (10-a, 9-b, A, a)
        files.sort((a, b) -> OptionLineSyntax.compareBytes(a.getFileName().toString(), b.getFileName().toString()));
        for (Path f : files) {
            // a directory or a dangling link named *.cnf gives mysqld nothing to read
            if (FileAccess.isRegularFile(f)) {
                enter(f, at, depth);
            }
        }
        return true;
    }

    /**
     * A file in an includedir that mysqld skips for its name (only {@code *.cnf} is read) but
     * that holds a {@code [group]} line, so it was meant to be read: {@code x.conf}, {@code x.CNF},
     * {@code my.cnf.bak}. Hidden files and files without a group are not mentioned.
     */
    private void skippedForItsName(Path file, SourceLocation at, String argument) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !FileAccess.isRegularFile(file) || !hasGroupLine(file)) {
            return;
        }
        String display = run.paths.display(file);
        run.issues.add(OptionFileIssue.ignored(SourceLocation.startOf(display), display,
                new OptionFileIssue.NotNamedCnf(display, name, argument, at)));
    }

    private void enter(Path path, SourceLocation at, int depth) {
        Path real = realPath(path);
        for (Path open : run.stack) {
            if (realPath(open).equals(real)) {
                run.notes.add(new Note(at, run.paths.display(path) + " includes itself through this line; mysqld "
                        + "reads it again until the include depth of " + OptionFileReader.MAX_INCLUDE_DEPTH
                        + " is reached"));
                break;
            }
        }
        run.file(path, depth + 1);
    }

    /** Whether a file has a line that starts (after white space) with '[': it was meant as an option file. */
    private static boolean hasGroupLine(Path file) {
        try {
            // within the run's limits (the root, the size cap), as every read
            for (String line : new String(TextFile.readBytes(file, file.toString()), StandardCharsets.ISO_8859_1)
                    .split("\n")) {
                if (line.strip().startsWith("[") && line.contains("]")) {
                    return true;
                }
            }
            return false;
        } catch (TextFile.Unreadable e) {
            return false;
        }
    }

    private static Path realPath(Path p) {
        try {
            return TextFile.realPath(p);
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
