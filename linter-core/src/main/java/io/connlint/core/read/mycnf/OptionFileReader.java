package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.read.TextFile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads MySQL/MariaDB option files the way the server's option-file loader does
 * (mysys/my_default.c(c) search_default_file_with_ext): {@code #}/{@code ;} comment lines,
 * {@code #} inline comments outside quotes, {@code [group]} headers matched case-insensitively,
 * {@code name = value} trimmed, one pair of matching quotes stripped, backslash escapes, options
 * without a value, {@code !include} and {@code !includedir} (only {@code *.cnf}, byte order,
 * depth 10, cycles refused). Options are returned in file order; the last one wins later.
 *
 * <p>ini4j cannot serve here: its handler calls carry no line numbers, values keep inline
 * comments and quotes, and {@code !includedir} arrives as an option (docs/decisions.md).
 */
public final class OptionFileReader {

    /** mysys: MAX_RECURSION_LEVEL / max_recursion_level. */
    public static final int MAX_INCLUDE_DEPTH = 10;

    private final ProjectPaths paths;
    private final Set<String> groups;

    /**
     * @param paths  how include paths map into the project
     * @param groups the groups to read, any case
     */
    public OptionFileReader(ProjectPaths paths, Set<String> groups) {
        this.paths = paths;
        this.groups = groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /** Reads a top-level option file and everything it includes. */
    public OptionFiles read(Path topLevel) {
        Run run = new Run(topLevel.toAbsolutePath().normalize().getParent());
        run.file(topLevel.toAbsolutePath().normalize(), 0);
        return new OptionFiles(run.filesRead, run.entries, run.problems, run.notes);
    }

    /** The state of one read: what has been read so far and the include stack for cycles. */
    private final class Run {
        private final Path topDirectory;
        private final List<String> filesRead = new ArrayList<>();
        private final List<OptionEntry> entries = new ArrayList<>();
        private final List<ReadProblem> problems = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private final Deque<Path> stack = new ArrayDeque<>();

        Run(Path topDirectory) {
            this.topDirectory = topDirectory;
        }

        void file(Path file, int depth) {
            String display = paths.display(file);
            TextFile text;
            try {
                text = TextFile.read(file, display);
            } catch (TextFile.Unreadable e) {
                problems.add(e.problem());
                return;
            }
            filesRead.add(display);
            stack.push(file);
            try {
                lines(text, depth);
            } finally {
                stack.pop();
            }
        }

        private void lines(TextFile text, int depth) {
            boolean topLevel = depth == 0;
            String group = null;
            boolean wanted = false;
            List<String> lines = text.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNo = i + 1;
                int start = skipSpace(line, 0);
                if (start >= line.length() || line.charAt(start) == '#' || line.charAt(start) == ';') {
                    continue;
                }
                SourceLocation at = new SourceLocation(text.path(), lineNo, start + 1);
                char first = line.charAt(start);
                if (first == '!') {
                    if (!directive(line, start, at, depth)) {
                        return;
                    }
                    continue;
                }
                if (first == '[') {
                    int end = line.indexOf(']', start);
                    if (end < 0) {
                        stop(at, "wrong group definition: a '[' without a closing ']'", topLevel);
                        return;
                    }
                    group = line.substring(start + 1, end).strip();
                    wanted = groups.contains(group.toLowerCase(Locale.ROOT));
                    continue;
                }
                if (group == null) {
                    stop(at, "option without a preceding [group]; mysqld "
                            + (topLevel ? "refuses to start with this file" : "ignores the rest of this included file"),
                            topLevel);
                    return;
                }
                if (wanted) {
                    entries.add(option(line, start, group, at));
                }
            }
        }

        /** Handles a {@code !} line; false when the rest of the file must be dropped. */
        private boolean directive(String line, int start, SourceLocation at, int depth) {
            String rest = line.substring(start + 1);
            String keyword;
            if (startsWithWord(rest, "includedir")) {
                keyword = "includedir";
            } else if (startsWithWord(rest, "include")) {
                keyword = "include";
            } else {
                return true; // mysys ignores other '!' lines
            }
            if (depth >= MAX_INCLUDE_DEPTH) {
                notes.add(new Note(at, "skipping '!" + keyword + "': the maximum include depth of "
                        + MAX_INCLUDE_DEPTH + " is reached (mysqld skips it too)"));
                return true;
            }
            String argument = rest.substring(keyword.length()).strip();
            if (argument.isEmpty()) {
                stop(at, "wrong '!" + keyword + "' directive: it needs a path", depth == 0);
                return false;
            }
            Optional<Path> target = paths.resolve(argument, topDirectory);
            if (target.isEmpty()) {
                notes.add(new Note(at, "'!" + keyword + " " + argument + "' names a server path outside the project; "
                        + "map it with pathMap in connlint.yml to check what it includes"));
                return true;
            }
            if (!argument.startsWith("/") && depth >= 0) {
                notes.add(new Note(at, "relative '!" + keyword + " " + argument + "' resolved against "
                        + paths.display(topDirectory) + " (mysqld resolves it against its working directory)"));
            }
            Path path = target.get();
            if (keyword.equals("include")) {
                include(path, at, argument, depth);
            } else {
                includeDir(path, at, argument, depth);
            }
            return true;
        }

        private void include(Path path, SourceLocation at, String argument, int depth) {
            if (!Files.isRegularFile(path)) {
                notes.add(new Note(at, "'!include " + argument + "': " + paths.display(path)
                        + " does not exist in the project; mysqld skips a missing include"));
                return;
            }
            if (cycle(path, at)) {
                return;
            }
            file(path, depth + 1);
        }

        private void includeDir(Path dir, SourceLocation at, String argument, int depth) {
            if (!Files.isDirectory(dir)) {
                notes.add(new Note(at, "'!includedir " + argument + "': " + paths.display(dir)
                        + " is not a directory in the project"));
                return;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    String name = entry.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    // mysys: fn_ext2 (the last '.') compared exactly with ".cnf"
                    if (dot >= 0 && name.substring(dot).equals(".cnf") && !Files.isDirectory(entry)) {
                        files.add(entry);
                    }
                }
            } catch (IOException e) {
                problems.add(ReadProblem.unreadable(at, "cannot list '" + argument + "': " + e.getMessage()));
                return;
            }
            // my_dir sorts entries with strcmp: byte order of the names
            files.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
            for (Path f : files) {
                if (!cycle(f.toAbsolutePath().normalize(), at)) {
                    file(f.toAbsolutePath().normalize(), depth + 1);
                }
            }
        }

        private boolean cycle(Path path, SourceLocation at) {
            Path real = realPath(path);
            for (Path open : stack) {
                if (realPath(open).equals(real)) {
                    problems.add(ReadProblem.unreadable(at, "include cycle: " + paths.display(path)
                            + " includes itself through this line"));
                    return true;
                }
            }
            return false;
        }

        private void stop(SourceLocation at, String message, boolean topLevel) {
            problems.add(ReadProblem.unreadable(at, message));
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static OptionEntry option(String line, int start, String group, SourceLocation at) {
        String content = line.substring(start, endOfContent(line, start));
        int eq = content.indexOf('=');
        if (eq < 0) {
            String name = content.stripTrailing();
            return new OptionEntry(group, name, Optional.empty(), "", at);
        }
        String name = content.substring(0, eq).stripTrailing();
        String raw = stripSpace(content.substring(eq + 1));
        return new OptionEntry(group, name, Optional.of(unescape(unquote(raw))), raw, at);
    }

    /**
     * Where the option's text ends: at a {@code #} outside quotes (mysys remove_end_comment, which
     * tracks quotes over the whole line and honours backslash escapes inside them).
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

    /** {@code \n \t \r \b \s \" \' \\}; any other backslash stays. */
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
                    default -> null;
                };
                if (replacement != null) {
                    out.append(replacement);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean startsWithWord(String s, String word) {
        return s.startsWith(word) && s.length() > word.length() && isSpace(s.charAt(word.length()));
    }

    /** mysys my_isspace over latin1: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripSpace(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
