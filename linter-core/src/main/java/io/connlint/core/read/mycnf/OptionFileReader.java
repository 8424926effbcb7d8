package io.connlint.core.read.mycnf;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.Note;
import io.connlint.core.model.OptionFileIssue;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads MySQL/MariaDB option files the way the server's option-file loader does
 * (mysys/my_default.c(c) search_default_file_with_ext): {@code #}/{@code ;} comment lines,
 * {@code #} inline comments outside quotes, {@code [group]} headers matched case-insensitively,
 * {@code name = value} trimmed, one pair of matching quotes stripped, backslash escapes, options
 * without a value, {@code !include} and {@code !includedir} (only {@code *.cnf}, byte order,
 * depth 10). Options are returned in file order; the last one wins later.
 *
 * <p>Like mysys, it works on bytes, not characters: a line is what {@code fgets} returns, a NUL
 * byte ends it, white space is latin1 white space, and a UTF-8 byte-order mark is not skipped.
 * Names and values are decoded as UTF-8 afterwards (as latin1 when the file is not UTF-8).
 * The behaviour was checked against {@code my_print_defaults} of MariaDB 10.11.19
 * (MyPrintDefaultsFidelityTest); the lines marked "checked with my_print_defaults 10.11" record
 * what it showed.
 *
 * <p>ini4j cannot serve here: its handler calls carry no line numbers, values keep inline
 * comments and quotes, and {@code !includedir} arrives as an option (docs/decisions.md).
 */
public final class OptionFileReader {

    /** mysys: MAX_RECURSION_LEVEL / max_recursion_level. */
    public static final int MAX_INCLUDE_DEPTH = 10;

    /**
     * MariaDB reads a line with {@code fgets(buff, sizeof(buff) - 1)} into a 4096-byte buffer, so
     * at most 4094 bytes at a time; the rest of a longer line is read as the next line (checked
     * with my_print_defaults 10.11). MySQL 5.7 has the same code (not run here); MySQL 8.0 reads
     * whole lines (research/mysql-facts.md §1.4).
     */
    public static final int MARIADB_LINE_BYTES = 4094;

    /**
     * Files read for one top-level file at most (and {@link TextFile#maxBytes()} in all). mysqld
     * has no cycle detection: a file that includes itself is read again down to the depth limit,
     * which connlint repeats, but an includedir loop could make that millions of reads.
     */
    static final int MAX_FILES_PER_READ = 1000;

    private final ProjectPaths paths;
    private final Set<String> groups;
    private final int lineBytes;

    /**
     * A reader with MySQL 8.0's line handling (whole lines).
     *
     * @param paths  how include paths map into the project
     * @param groups the groups to read, any case
     */
    public OptionFileReader(ProjectPaths paths, Set<String> groups) {
        this(paths, groups, ServerEngine.DEFAULT);
    }

    /** A reader of the groups {@code engine} reads, with its line handling. */
    public OptionFileReader(ProjectPaths paths, ServerEngine engine) {
        this(paths, Set.copyOf(engine.serverGroups()), engine);
    }

    /**
     * @param paths  how include paths map into the project
     * @param groups the groups to read, any case
     * @param engine whose loader to follow where MySQL and MariaDB differ (the line length)
     */
    public OptionFileReader(ProjectPaths paths, Set<String> groups, ServerEngine engine) {
        this.paths = paths;
        this.groups = groups.stream().map(OptionFileReader::asciiLower).collect(Collectors.toUnmodifiableSet());
        this.lineBytes = engine.isMariaDb() || engine.major() < 8 ? MARIADB_LINE_BYTES : Integer.MAX_VALUE;
    }

    /** Reads a top-level option file and everything it includes. */
    public OptionFiles read(Path topLevel) {
        Path file = topLevel.toAbsolutePath().normalize();
        Run run = new Run(file.getParent());
        run.file(file, 0);
        return new OptionFiles(List.copyOf(run.filesRead), run.entries, List.copyOf(run.problems),
                List.copyOf(run.notes), run.ignored, List.copyOf(run.issues));
    }

    /**
     * One line as {@code fgets} returns it: latin1 text without the line break; {@code number} is
     * the file's line it is on and {@code offset} the bytes before it on that line (a line cut by
     * MariaDB's buffer continues on the same file line).
     */
    private record Line(int number, int offset, String text, boolean terminated) {
    }

    /** The state of one read. Problems and notes are sets: an include loop meets them repeatedly. */
    private final class Run {
        private final Path topDirectory;
        private final Set<String> filesRead = new LinkedHashSet<>();
        private final List<OptionEntry> entries = new ArrayList<>();
        private final List<OptionEntry> ignored = new ArrayList<>();
        private final Set<ReadProblem> problems = new LinkedHashSet<>();
        private final Set<Note> notes = new LinkedHashSet<>();
        private final Set<OptionFileIssue> issues = new LinkedHashSet<>();
        private final Deque<Path> stack = new ArrayDeque<>();
        private int filesOpened;
        private long bytesRead;
        private boolean stopped;

        Run(Path topDirectory) {
            this.topDirectory = topDirectory;
        }

        void file(Path file, int depth) {
            String display = paths.display(file);
            SourceLocation start = SourceLocation.startOf(display);
            if (stopped) {
                return;
            }
            if (++filesOpened > MAX_FILES_PER_READ) {
                stopped = true;
                problems.add(ReadProblem.unreadable(start, "stopped after reading " + MAX_FILES_PER_READ
                        + " option files: the includes loop (mysqld re-reads them down to depth "
                        + MAX_INCLUDE_DEPTH + ")"));
                return;
            }
            if (worldWritable(file)) {
                // checked with my_print_defaults 10.11: "World-writable config file '%s' is ignored"
                issues.add(OptionFileIssue.ignored(start, display, "mysqld ignores " + display + " because it is "
                        + "world-writable (\"World-writable config file '" + display + "' is ignored\"); connlint "
                        + "ignores it too", "chmod o-w " + display));
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
                lines(display, split(bytes, display), decode, depth);
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

        /** Splits the bytes into what successive {@code fgets} calls return. */
        private List<Line> split(byte[] bytes, String display) {
            List<Line> lines = new ArrayList<>();
            int pos = 0;
            boolean cut = false;
            int number = 1;
            int offset = 0;
            while (pos < bytes.length) {
                int limit = (int) Math.min((long) pos + lineBytes, bytes.length);
                int newline = -1;
                for (int i = pos; i < limit; i++) {
                    if (bytes[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                int end = newline >= 0 ? newline : limit;
                boolean terminated = newline >= 0;
                if (newline < 0 && limit < bytes.length && bytes[limit] != '\n' && !cut) {
                    cut = true;
                    notes.add(new Note(new SourceLocation(display, number, 1), "line longer than "
                            + lineBytes + " bytes: MariaDB reads the rest of it as a line of its own"));
                }
                // a NUL byte ends the C string fgets filled (checked with my_print_defaults 10.11)
                for (int i = pos; i < end; i++) {
                    if (bytes[i] == 0) {
                        end = i;
                        terminated = false;
                        break;
                    }
                }
                lines.add(new Line(number, offset, new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1),
                        terminated));
                if (newline >= 0) {
                    number++;
                    offset = 0;
                } else {
                    offset += limit - pos;
                }
                pos = newline >= 0 ? newline + 1 : limit;
            }
            return lines;
        }

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
                    if (!directive(line, start, at, depth)) {
                        return;
                    }
                    continue;
                }
                if (first == '[') {
                    // checked with my_print_defaults 10.11: the name runs to the first ']'; space
                    // before it is trimmed, space after '[' is not ("[ mysqld]" is not [mysqld])
                    int close = s.indexOf(']', start + 1);
                    if (close < 0) {
                        stop(at, "wrong group definition: '[' without a closing ']'", depth);
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
                        stop(at, "the file starts with a UTF-8 byte-order mark, which mysqld reads as an option "
                                + "without a preceding [group]; save the file without it", depth);
                    } else {
                        stop(at, "option without a preceding [group]", depth);
                    }
                    return;
                }
                if (wanted) {
                    entries.add(option(s, start, decode.apply(group), at, decode));
                } else {
                    ignored.add(option(s, start, decode.apply(group), at, decode));
                }
            }
        }

        /** Handles a {@code !} line; false when the rest of the file must be dropped. */
        private boolean directive(Line line, int start, SourceLocation at, int depth) {
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
            if (depth >= MAX_INCLUDE_DEPTH) {
                notes.add(new Note(at, "skipping '!" + keyword + "': the maximum include depth of "
                        + MAX_INCLUDE_DEPTH + " is reached (mysqld skips it too)"));
                return true;
            }
            Optional<String> parsed = argument(rest.substring(keyword.length()), line.terminated());
            if (parsed.isEmpty()) {
                stop(at, "wrong '!" + keyword + "' directive: it names no path", depth);
                return false;
            }
            String argument = parsed.get();
            if (!line.terminated()) {
                // checked with my_print_defaults 10.11: "!include a.cnf" as the last line without a
                // line break includes "a.cn" (get_argument cuts one character for the '\n')
                notes.add(new Note(at, "the line has no line break, so mysqld drops the last character of the path "
                        + "and reads '" + argument + "'; end the line with a line break"));
            }
            Optional<Path> target = paths.resolve(argument, topDirectory);
            if (target.isEmpty()) {
                notes.add(new Note(at, "'!" + keyword + " " + argument + "' names a path outside the project; "
                        + "map it with pathMap in connlint.yml to check what it includes"));
                return true;
            }
            if (!argument.startsWith("/")) {
                notes.add(new Note(at, "relative '!" + keyword + " " + argument + "' resolved against "
                        + paths.display(topDirectory) + " (mysqld resolves it against its working directory)"));
            }
            if (keyword.equals("include")) {
                include(target.get(), at, argument, depth);
                return true;
            }
            return includeDir(target.get(), at, argument, depth);
        }

        private void include(Path path, SourceLocation at, String argument, int depth) {
            if (!FileAccess.exists(path)) {
                // checked with my_print_defaults 10.11: a missing !include is skipped, the file goes on
                issues.add(OptionFileIssue.ignored(at, "!include " + argument, "'!include " + argument + "': "
                        + paths.display(path) + " does not exist; mysqld skips a missing include",
                        "add " + paths.display(path) + " to the project, map its directory with pathMap, "
                                + "or remove the line"));
                return;
            }
            if (FileAccess.isDirectory(path)) {
                issues.add(OptionFileIssue.ignored(at, "!include " + argument, "'!include " + argument + "': "
                        + paths.display(path) + " is a directory; mysqld reads nothing from it",
                        "use '!includedir " + argument + "' to read the .cnf files in it"));
                return;
            }
            enter(path, at, depth);
        }

        /** Reads an {@code !includedir}; false when the rest of the including file must be dropped. */
        private boolean includeDir(Path dir, SourceLocation at, String argument, int depth) {
            if (!FileAccess.isDirectory(dir)) {
                // checked with my_print_defaults 10.11: "Can't read dir of '%s'"; in a top-level file
                // "Fatal error in defaults handling. Program aborted", in an included one the rest of
                // that file is dropped
                String what = "'!includedir " + argument + "': " + paths.display(dir) + " is not a directory";
                String help = "create " + paths.display(dir) + " (git keeps no empty directory: commit a "
                        + ".gitkeep in it), map '" + argument + "' with pathMap, or remove the line";
                if (depth == 0) {
                    issues.add(OptionFileIssue.refused(at, "!includedir " + argument, what
                            + "; mysqld refuses to start (\"Fatal error in defaults handling\")", help));
                } else {
                    issues.add(OptionFileIssue.ignored(at, "!includedir " + argument, what
                            + "; mysqld ignores the rest of " + at.path(), help));
                }
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
                problems.add(ReadProblem.unreadable(at, "cannot list '" + argument + "': " + e.getMessage()));
                return true;
            }
            // checked with my_print_defaults 10.11: read in byte order (10-a, 9-b, A, a)
            files.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
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
            String display = paths.display(file);
            issues.add(OptionFileIssue.ignored(SourceLocation.startOf(display), display, "mysqld does not read "
                    + display + ": '!includedir " + argument + "' (" + at + ") reads only files whose name ends "
                    + "in .cnf", "rename it to " + name.replaceFirst("\\.[^.]*$", "") + ".cnf if the server should "
                    + "read it"));
        }

        private void enter(Path path, SourceLocation at, int depth) {
            Path real = realPath(path);
            for (Path open : stack) {
                if (realPath(open).equals(real)) {
                    notes.add(new Note(at, paths.display(path) + " includes itself through this line; mysqld "
                            + "reads it again until the include depth of " + MAX_INCLUDE_DEPTH + " is reached"));
                    break;
                }
            }
            file(path, depth + 1);
        }

        private void stop(SourceLocation at, String message, int depth) {
            String help = message.startsWith("option without")
                    ? "put a group header such as [mysqld] above it"
                    : message.startsWith("wrong group") ? "close the group header with ']'"
                    : message.contains("byte-order mark") ? "save the file as UTF-8 without a byte-order mark"
                    : "name the file or directory to include";
            if (depth == 0) {
                issues.add(OptionFileIssue.refused(at, at.path(), message
                        + "; mysqld refuses to start with this file", help));
            } else {
                issues.add(OptionFileIssue.ignored(at, at.path(), message
                        + "; mysqld ignores the rest of this included file", help));
            }
        }
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

    private static boolean worldWritable(Path file) {
        try {
            return FileAccess.isRegularFile(file)
                    && FileAccess.posixPermissions(file).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
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

    private static OptionEntry option(String line, int start, String group, SourceLocation at,
                                      UnaryOperator<String> decode) {
        String content = line.substring(start, endOfContent(line, start));
        int eq = content.indexOf('=');
        if (eq < 0) {
            return new OptionEntry(group, decode.apply(stripTrailing(content)), Optional.empty(), "", at);
        }
        String name = stripTrailing(content.substring(0, eq));
        String raw = stripSpace(content.substring(eq + 1));
        return new OptionEntry(group, decode.apply(name), Optional.of(decode.apply(unescape(unquote(raw)))),
                decode.apply(raw), at);
    }

    /**
     * Where the option's text ends: at a {@code #} outside quotes (mysys remove_end_comment, which
     * tracks quotes over the whole line and honours backslash escapes inside them). Checked with
     * my_print_defaults 10.11: {@code a=1#c} is {@code 1} (no space needed before the {@code #}),
     * and a {@code ;} after a value stays in it.
     */
    static int endOfContent(String line, int from) {
        char quote = 0;
        boolean escape = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '\'' || c == '"') && !escape) {
                if (quote == 0) {
                    quote = c;
                } else if (quote == c) {
                    quote = 0;
                }
            }
            if (quote == 0 && c == '#') {
                return i;
            }
            escape = quote != 0 && c == '\\' && !escape;
        }
        return line.length();
    }

    /** One pair of matching quotes around a value longer than one character is removed. */
    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    /** {@code \n \t \r \b \s \" \' \\}; any other backslash, and one at the end, stays. */
    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                String replacement = switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'b' -> "\b";
                    case 's' -> " ";
                    case '"' -> "\"";
                    case '\'' -> "'";
                    case '\\' -> "\\";
                    default -> "\\" + next;
                };
                out.append(replacement);
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * mysys: {@code strncmp(ptr, keyword)} and white space after it; the line break fgets keeps
     * counts as that space, so a bare {@code !include} line is a directive without a path.
     */
    private static boolean startsWithWord(String s, String word, boolean terminated) {
        if (!s.startsWith(word)) {
            return false;
        }
        return s.length() > word.length() ? isSpace(s.charAt(word.length())) : terminated;
    }

    /**
     * mysys get_argument: skips white space, then cuts the last character (meant to be the
     * {@code '\n'}) and the white space before it. Empty when nothing is left.
     */
    private static Optional<String> argument(String afterKeyword, boolean terminated) {
        String full = afterKeyword + (terminated ? "\n" : "");
        full = full.substring(skipSpace(full, 0));
        int end = full.length() - 1;
        while (end - 1 >= 0 && isSpace(full.charAt(end - 1))) {
            end--;
        }
        return end <= 0 ? Optional.empty() : Optional.of(full.substring(0, end));
    }

    /**
     * mysys my_isspace over latin1: space, \t, \n, \v, \f, \r and 0xA0 (checked with
     * my_print_defaults 10.11 over all 255 byte values).
     */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u00a0';
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0 && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    private static String stripSpace(String s) {
        return stripTrailing(s.substring(skipSpace(s, 0)));
    }

    /** mysys find_type compares group names with latin1 my_toupper; the wanted names are ASCII. */
    private static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
