package io.connlint.core.read.mycnf;

import io.connlint.core.model.ServerEngine;
import io.connlint.core.read.TextFile;

import java.nio.file.Path;
import java.util.Set;
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
 * <p>The parts: {@link OptionLineSyntax} reads one line (comments, quotes, escapes),
 * {@link OptionFileRun} one read (the files, their groups, the limits) and
 * {@link IncludeDirectives} the {@code !include} and {@code !includedir} lines.
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
        this.groups = groups.stream().map(OptionLineSyntax::asciiLower).collect(Collectors.toUnmodifiableSet());
        this.lineBytes = engine.isMariaDb() || engine.major() < 8 ? MARIADB_LINE_BYTES : Integer.MAX_VALUE;
    }

    /** Reads a top-level option file and everything it includes. */
    public OptionFiles read(Path topLevel) {
        Path file = topLevel.toAbsolutePath().normalize();
        OptionFileRun run = new OptionFileRun(paths, groups, lineBytes, file.getParent());
        run.file(file, 0);
        return run.result();
    }
}
