package io.connlint.core.read;

import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A configuration file's text, decoded as UTF-8, with a leading BOM removed. Files that are too
 * large, binary or not UTF-8 are refused with a {@link ReadProblem} saying where.
 *
 * @param path project-relative path, for locations
 * @param text the text
 */
public record TextFile(String path, String text) {

    /** Larger files are not configuration; reading them would only cost memory (connlint.yml maxFileBytes). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * What a read may touch: files under {@code root} (after resolving symbolic links) unless
     * {@code followOutside}, and at most {@code maxBytes} per file.
     *
     * @param root          the project root; null for no root check (a reader used on its own)
     * @param maxBytes      the size cap per file
     * @param followOutside whether symbolic links (and paths) leading out of the root are read
     */
    public record Limits(Path root, long maxBytes, boolean followOutside) {
        public static final Limits DEFAULT = new Limits(null, MAX_BYTES, false);
    }

    /**
     * What one check has learnt of its files, shared by its threads: the real path of each
     * directory a file was read from (a file's own path is then checked with one {@code lstat},
     * not a {@code readlink} per component), and the lines of each file read that mention
     * connlint (the suppression scan finds its comments there instead of reading every file
     * again). Facts of the file system during one run; never kept across runs.
     */
    public static final class Memo {
        /** Told every path the run reads, probes, lists or walks ({@link FileAccess}); null for none. */
        private final java.util.function.Consumer<Path> watch;
        private final java.util.concurrent.ConcurrentHashMap<Path, Path> realDirectories =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.List<Line>> mentions =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** A memo whose run names every path it touches to {@code watch} (from any of its threads). */
        public Memo(java.util.function.Consumer<Path> watch) {
            this.watch = watch;
        }

        /** The lines of a file read in this run that contain {@code connlint}; empty if it was not read. */
        public java.util.Optional<java.util.List<Line>> linesMentioningConnlint(String displayPath) {
            return java.util.Optional.ofNullable(mentions.get(displayPath));
        }

        private void remember(TextFile file) {
            if (!file.text().contains(MENTION)) {
                mentions.putIfAbsent(file.path(), java.util.List.of());
                return;
            }
            java.util.List<Line> found = new java.util.ArrayList<>();
            java.util.List<String> lines = file.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(MENTION)) {
                    found.add(new Line(i + 1, lines.get(i)));
                }
            }
            mentions.putIfAbsent(file.path(), java.util.List.copyOf(found));
        }
    }

    /** A line of a file: its number (from 1) and text. */
    public record Line(int number, String text) {
    }

    private static final String MENTION = "connlint";

    /**
     * The limits in force on a thread and the run's memo (null: nothing remembered). Carried to
     * other threads by {@link #scope()} and {@link #within(Scope, java.util.function.Supplier)}.
     */
    public static final class Scope {
        private final Limits limits;
        private final Path realRoot;
        private final Memo memo;

        private Scope(Limits limits, Path realRoot, Memo memo) {
            this.limits = limits;
            this.realRoot = realRoot;
            this.memo = memo;
        }

        /** The real path of {@code file} (symbolic links resolved); throws as {@link Path#toRealPath} does. */
        Path realPath(Path file) throws IOException {
            return memo == null ? file.toRealPath() : resolve(file.toAbsolutePath(), false);
        }

        /**
         * An absolute path's real path: its parent's (resolved once per run, remembered) and its own
         * name, when that name is a plain entry; else as {@link Path#toRealPath} gives it.
         */
        private Path resolve(Path path, boolean directory) throws IOException {
            Path known = directory ? memo.realDirectories.get(path) : null;
            if (known != null) {
                return known;
            }
            Path parent = path.getParent();
            Path real = parent == null || !isPlainEntry(path) ? path.toRealPath()
                    : resolve(parent, true).resolve(path.getFileName());
            if (directory) {
                memo.realDirectories.putIfAbsent(path, real);
            }
            return real;
        }

        /** Whether the last name of {@code path} is neither {@code .}, {@code ..} nor a symbolic link (one {@code lstat}). */
        private static boolean isPlainEntry(Path path) throws IOException {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            return !name.isEmpty() && !name.equals(".") && !name.equals("..")
                    && !Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        }
    }

    private static final Scope DEFAULT_SCOPE = new Scope(Limits.DEFAULT, null, null);
    private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(() -> DEFAULT_SCOPE);

    /** Runs {@code work} with {@code limits} applying to every read of this thread. */
    public static <T> T within(Limits limits, java.util.function.Supplier<T> work) {
        return within(limits, null, work);
    }

    /** Runs {@code work} with {@code limits} applying to every read of this thread, remembering into {@code memo}. */
    public static <T> T within(Limits limits, Memo memo, java.util.function.Supplier<T> work) {
        return within(new Scope(limits, realRoot(limits.root()), memo), work);
    }

    /** Runs {@code work} in {@code scope}: how work handed to another thread keeps the limits of the run. */
    public static <T> T within(Scope scope, java.util.function.Supplier<T> work) {
        Scope previous = SCOPE.get();
        SCOPE.set(scope);
        try {
            return work.get();
        } finally {
            SCOPE.set(previous);
        }
    }

    /**
     * The real path of {@code file} (symbolic links resolved), as {@link Path#toRealPath} gives it;
     * within a run's memo, a directory is resolved once and a file costs one {@code lstat}.
     */
    public static Path realPath(Path file) throws IOException {
        touched(file);
        Path real = SCOPE.get().realPath(file);
        touched(real);
        return real;
    }

    /** Names a path the run is about to look at to the run's watch, if it has one. */
    static void touched(Path path) {
        Memo memo = SCOPE.get().memo;
        if (memo != null && memo.watch != null) {
            memo.watch.accept(path);
        }
    }

    /** This thread's scope, to carry to the threads that share its work. */
    public static Scope scope() {
        return SCOPE.get();
    }

    /** The run's memo, if the reads of this thread remember. */
    public static java.util.Optional<Memo> memo() {
        return java.util.Optional.ofNullable(SCOPE.get().memo);
    }

    /** The size cap per file in force. */
    public static long maxBytes() {
        return SCOPE.get().limits.maxBytes();
    }

    private static Path realRoot(Path root) {
        if (root == null) {
            return null;
        }
        try {
            return root.toRealPath();
        } catch (IOException | RuntimeException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    /** Thrown when a file cannot be read; carries the finding-ready problem. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ReadProblem problem;

        public Unreadable(ReadProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        public ReadProblem problem() {
            return problem;
        }
    }

    public static TextFile read(Path file, String displayPath) throws Unreadable {
        TextFile text = decode(readBytes(file, displayPath), displayPath);
        Memo memo = SCOPE.get().memo;
        if (memo != null) {
            memo.remember(text);
        }
        return text;
    }

    /**
     * The bytes of a file, within the limits in force: a regular file, under the project root
     * once symbolic links are resolved (unless allowed), at most {@link #maxBytes()} long. Never
     * reads more than the cap even when the file grows or reports a wrong size.
     */
    public static byte[] readBytes(Path file, String displayPath) throws Unreadable {
        SourceLocation start = SourceLocation.startOf(displayPath);
        Scope scope = SCOPE.get();
        Limits limits = scope.limits;
        long max = limits.maxBytes();
        try {
            touched(file);
            Path real = scope.realPath(file);
            touched(real);
            Path root = scope.realRoot;
            if (root != null && !limits.followOutside() && !real.startsWith(root)) {
                throw new Unreadable(ReadProblem.unreadable(start, Files.isSymbolicLink(file)
                        ? "a symbolic link that leads outside the project root; not followed (set followSymlinksOutside: "
                        + "true in connlint.yml to read it)"
                        : "outside the project root (through a symbolic link); not read (set followSymlinksOutside: "
                        + "true in connlint.yml to read it)"));
            }
            java.nio.file.attribute.BasicFileAttributes attributes =
                    Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new Unreadable(ReadProblem.unreadable(start, "cannot read file: it is a directory; expected a configuration file"));
            }
            if (!attributes.isRegularFile()) {
                throw new Unreadable(ReadProblem.unreadable(start, "cannot read file: not a regular file (a device, pipe or socket); "
                        + "expected a configuration file"));
            }
            if (attributes.size() > max) {
                throw new Unreadable(tooLarge(start, attributes.size(), max));
            }
            try (InputStream in = Files.newInputStream(real)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (bytes.length > max) {
                    throw new Unreadable(tooLarge(start, bytes.length, max));
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable(ReadProblem.unreadable(start, Files.isSymbolicLink(file)
                    ? "a symbolic link whose target does not exist" : "file does not exist"));
        } catch (AccessDeniedException e) {
            throw new Unreadable(ReadProblem.unreadable(start, "permission denied: connlint cannot read this file"));
        } catch (IOException | SecurityException e) {
            throw new Unreadable(ReadProblem.unreadable(start, "cannot read file: " + describe(e)));
        }
    }

    private static ReadProblem tooLarge(SourceLocation start, long size, long max) {
        return ReadProblem.unreadable(start, "file is " + (size > max ? "over " + max : size) + " bytes, over the limit of "
                + max + " bytes for a configuration file (connlint.yml maxFileBytes)");
    }

    /**
     * Decodes a file's bytes: a UTF-8 BOM is dropped; a NUL byte (binary content) or invalid
     * UTF-8 is refused, saying the byte offset, line and column.
     */
    public static TextFile decode(byte[] bytes, String displayPath) throws Unreadable {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            offset = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            throw new Unreadable(ReadProblem.unreadable(SourceLocation.startOf(displayPath),
                    "UTF-16 text (a UTF-16 byte order mark at byte offset 0); expected UTF-8"));
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new Unreadable(ReadProblem.unreadable(locate(bytes, offset, i, displayPath),
                        "binary content (a NUL byte at byte offset " + i + "); expected a text configuration file"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new TextFile(displayPath, decoder.decode(buffer).toString());
        } catch (MalformedInputException e) {
            int bad = findInvalidUtf8(bytes, offset);
            throw new Unreadable(ReadProblem.unreadable(locate(bytes, offset, bad, displayPath),
                    "invalid UTF-8 at byte offset " + bad + "; expected UTF-8 text"));
        } catch (CharacterCodingException e) {
            throw new Unreadable(ReadProblem.unreadable(SourceLocation.startOf(displayPath),
                    "cannot decode as UTF-8: " + e.getMessage()));
        }
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }

    /** The offset of the first byte that does not begin a valid UTF-8 sequence. */
    private static int findInvalidUtf8(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    /** Line and column (in characters) of a byte offset, counting lines in the valid prefix. */
    private static SourceLocation locate(byte[] bytes, int from, int badOffset, String displayPath) {
        String prefix = new String(bytes, from, Math.max(0, badOffset - from), StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(displayPath, line, prefix.length() - lineStart + 1);
    }

    /**
     * The file's lines without their terminators ({@code \n}, {@code \r\n} or a lone {@code \r}).
     */
    public java.util.List<String> lines() {
        return text.lines().toList();
    }
}
