package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.OptionFileIssue.LineError;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.FileAccess;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionLineSyntax.Line;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.connlint.core.read.mycnf.OptionLineSyntax.asciiLower;
import static io.connlint.core.read.mycnf.OptionLineSyntax.isSpace;
import static io.connlint.core.read.mycnf.OptionLineSyntax.skipSpace;

/**
 * The state of one read of a top-level option file: the files read, the options of the wanted
 * groups and of the others, and what mysqld would refuse or skip. Problems, notes and issues are
 * sets: an include loop meets them repeatedly.
 */
final class OptionFileRun {

    final ProjectPaths paths;
    final Path topDirectory;
    private final Set<String> groups;
    private final int lineBytes;
    private final IncludeDirectives includes;
    final Set<String> filesRead = new LinkedHashSet<>();
    final List<OptionEntry> entries = new ArrayList<>();
    final List<OptionEntry> ignored = new ArrayList<>();
    final Set<ReadProblem> problems = new LinkedHashSet<>();
    final Set<Note> notes = new LinkedHashSet<>();
    final Set<OptionFileIssue> issues = new LinkedHashSet<>();
    /** The files being read, innermost first: an include of one of them is a loop. */
    final Deque<Path> stack = new ArrayDeque<>();
    private int filesOpened;
    private long bytesRead;
    private boolean stopped;

    OptionFileRun(ProjectPaths paths, Set<String> groups, int lineBytes, Path topDirectory) {
        this.paths = paths;
        this.groups = groups;
        this.lineBytes = lineBytes;
        this.topDirectory = topDirectory;
        this.includes = new IncludeDirectives(this);
    }

    OptionFiles result() {
        return new OptionFiles(List.copyOf(filesRead), entries, List.copyOf(problems), List.copyOf(notes), ignored,
                List.copyOf(issues));
    }

    void file(Path file, int depth) {
        String display = paths.display(file);
        SourceLocation start = SourceLocation.startOf(display);
        if (stopped) {
            return;
        }
        if (++filesOpened > OptionFileReader.MAX_FILES_PER_READ) {
            stopped = true;
            problems.add(ReadProblem.unreadable(start, "stopped after reading " + OptionFileReader.MAX_FILES_PER_READ
                    + " option files: the includes loop (mysqld re-reads them down to depth "
                    + OptionFileReader.MAX_INCLUDE_DEPTH + ")"));
            return;
        }
        if (worldWritable(file)) {
            // checked with my_print_defaults 10.11: "World-writable config file '%s' is ignored"
            issues.add(OptionFileIssue.ignored(start, display, new OptionFileIssue.WorldWritable(display)));
            return;
        }
        byte[] bytes;
        try {
            bytes = TextFile.readBytes(file, display);
        } catch (TextFile.Unreadable e) {
            problems.add(e.problem());
            return;
        }
        bytesRead += bytes.length;
        if (bytesRead > TextFile.maxBytes()) {
            stopped = true;
            problems.add(ReadProblem.unreadable(start, "stopped reading includes: together the option files are over "
                    + TextFile.maxBytes() + " bytes, the limit for configuration"));
            return;
        }
        UnaryOperator<String> decode = decoder(bytes, start);
        filesRead.add(display);
        stack.push(file);
        try {
            lines(display, OptionLineSyntax.split(bytes, lineBytes, number -> notes.add(new Note(
                    new SourceLocation(display, number, 1), "line longer than " + lineBytes
                    + " bytes: MariaDB reads the rest of it as a line of its own"))), decode, depth);
        } finally {
            stack.pop();
        }
    }

    private UnaryOperator<String> decoder(byte[] bytes, SourceLocation start) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return s -> new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            notes.add(new Note(start, "not valid UTF-8: names and values are read as latin1 bytes, "
                    + "as mysqld reads them"));
            return s -> s;
        }
    }

    /** The lines of one file: directives, group headers and options, each option kept for its group. */
    private void lines(String display, List<Line> lines, UnaryOperator<String> decode, int depth) {
        boolean foundGroup = false;
        String group = "";
        boolean wanted = false;
        for (Line line : lines) {
            String s = line.text();
            int start = skipSpace(s, 0);
            if (start >= s.length() || s.charAt(start) == '#' || s.charAt(start) == ';') {
                continue;
            }
            SourceLocation at = new SourceLocation(display, line.number(), line.offset() + start + 1);
            char first = s.charAt(start);
            if (first == '!') {
                if (!includes.directive(line, start, at, depth)) {
                    return;
                }
                continue;
            }
            if (first == '[') {
                // checked with my_print_defaults 10.11: the name runs to the first ']'; space
                // before it is trimmed, space after '[' is not ("[ mysqld]" is not [mysqld])
                int close = s.indexOf(']', start + 1);
                if (close < 0) {
                    stop(at, LineError.UNCLOSED_GROUP, "", depth);
                    return;
                }
                int end = close;
                while (end > start + 1 && isSpace(s.charAt(end - 1))) {
                    end--;
                }
                group = s.substring(start + 1, end);
                foundGroup = true;
                // checked with my_print_defaults 10.11: [MySQLD] is read as [mysqld]
                wanted = groups.contains(asciiLower(group));
                continue;
            }
            if (!foundGroup) {
                if (line.number() == 1 && line.offset() == 0 && s.startsWith("\u00ef\u00bb\u00bf")) {
                    // checked with my_print_defaults 10.11: a byte-order mark is not skipped
                    stop(at, LineError.BYTE_ORDER_MARK, "", depth);
                } else {
                    stop(at, LineError.OPTION_WITHOUT_GROUP, "", depth);
                }
                return;
            }
            OptionEntry option = OptionLineSyntax.option(s, start, decode.apply(group), at, decode);
            (wanted ? entries : ignored).add(option);
        }
    }

    /** A line mysqld cannot parse: it refuses a top-level file and drops the rest of an included one. */
    void stop(SourceLocation at, LineError error, String directive, int depth) {
        OptionFileIssue.BadLine cause = new OptionFileIssue.BadLine(error, directive);
        issues.add(depth == 0 ? OptionFileIssue.refused(at, at.path(), cause)
                : OptionFileIssue.ignored(at, at.path(), cause));
    }

    private static boolean worldWritable(Path file) {
        try {
            return FileAccess.isRegularFile(file)
                    && FileAccess.posixPermissions(file).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
