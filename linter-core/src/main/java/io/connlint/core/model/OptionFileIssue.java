package io.connlint.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Something in a server's option files that the server does not take as written: a line that
 * makes it refuse to start, or a file it skips. A fact, not a verdict: the rules (CL504, CL507)
 * word it and decide its severity.
 *
 * @param kind    what the server does: refuses, or skips a file (or the rest of one)
 * @param at      the line (or the start of the file)
 * @param subject the option line or file concerned, as written ({@code wait_timeout = 1.5G},
 *                {@code !include x.cnf}, {@code conf.d/a.conf})
 * @param cause   what the server found there
 */
public record OptionFileIssue(Kind kind, SourceLocation at, String subject, Cause cause) {

    public enum Kind {
        /** mysqld refuses to start (or reports an error and drops the value): CL504. */
        REFUSED,
        /** mysqld does not read the file, or the rest of it: CL507. */
        FILE_IGNORED
    }

    public OptionFileIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(cause, "cause");
    }

    public static OptionFileIssue refused(SourceLocation at, String subject, Cause cause) {
        return new OptionFileIssue(Kind.REFUSED, at, subject, cause);
    }

    public static OptionFileIssue ignored(SourceLocation at, String subject, Cause cause) {
        return new OptionFileIssue(Kind.FILE_IGNORED, at, subject, cause);
    }

    /** What the server found. */
    public sealed interface Cause permits WorldWritable, IncludeMissing, IncludeIsDirectory, IncludeDirMissing,
            NotNamedCnf, BadLine, OptionRefused {
    }

    /**
     * A world-writable file, which mysqld skips ("World-writable config file '%s' is ignored").
     *
     * @param file the file, project-relative
     */
    public record WorldWritable(String file) implements Cause {
    }

    /**
     * An {@code !include} of a path that does not exist; mysqld skips the line.
     *
     * @param argument the path as written
     * @param path     where it points in the project
     */
    public record IncludeMissing(String argument, String path) implements Cause {
    }

    /** An {@code !include} of a directory, from which mysqld reads nothing. */
    public record IncludeIsDirectory(String argument, String path) implements Cause {
    }

    /**
     * An {@code !includedir} of a path that is not a directory ("Can't read dir of '%s'"): fatal in
     * a top-level file ({@link Kind#REFUSED}), the rest of an included file dropped otherwise.
     */
    public record IncludeDirMissing(String argument, String path) implements Cause {
    }

    /**
     * A file in an {@code !includedir} that mysqld skips because its name does not end in
     * {@code .cnf}, although it holds a {@code [group]} line.
     *
     * @param file       the file, project-relative
     * @param name       its file name
     * @param argument   the includedir's path as written
     * @param includedAt the {@code !includedir} line
     */
    public record NotNamedCnf(String file, String name, String argument, SourceLocation includedAt) implements Cause {
    }

    /**
     * A line mysqld cannot parse: it refuses a top-level file ({@link Kind#REFUSED}) and drops the
     * rest of an included one.
     *
     * @param error     what is wrong with it
     * @param directive for {@link LineError#DIRECTIVE_WITHOUT_PATH}: {@code include} or
     *                  {@code includedir}; empty otherwise
     */
    public record BadLine(LineError error, String directive) implements Cause {
    }

    /** Why mysys cannot parse a line. */
    public enum LineError {
        /** An option before any {@code [group]} line. */
        OPTION_WITHOUT_GROUP,
        /** A UTF-8 byte-order mark, which mysys reads as an option before any group. */
        BYTE_ORDER_MARK,
        /** {@code [} without a closing {@code ]}. */
        UNCLOSED_GROUP,
        /** {@code !include} or {@code !includedir} without a path. */
        DIRECTIVE_WITHOUT_PATH
    }

    /**
     * An option line whose name or value the server's option parser (my_getopt) refuses.
     *
     * @param option   the option name as written
     * @param value    the value after quotes and escapes; empty for a bare name
     * @param raw      the value as written
     * @param engine   the engine that refuses it
     * @param loose    whether the name has {@code loose-}: the server logs the error and goes on
     * @param reason   what my_getopt says
     * @param variable the name my_getopt's message uses (the variable, or the option without
     *                 prefixes)
     * @param suffix   the character my_getopt took for a unit suffix, for the suffix reasons
     */
    public record OptionRefused(String option, Optional<String> value, String raw, ServerEngine engine, boolean loose,
                                Reason reason, String variable, Optional<Character> suffix) implements Cause {
    }

    /** What my_getopt says of a refused option line. */
    public enum Reason {
        /** "unknown variable 'name=value'" / "unknown option '--name'". */
        UNKNOWN_OPTION,
        /** "Maximum value of '%s' cannot be set": the variable has no session value. */
        MAXIMUM_NOT_SETTABLE,
        /** "option '--%s' requires an argument". */
        ARGUMENT_REQUIRED,
        /** "Empty value for '%s' specified" (MySQL). */
        EMPTY_VALUE,
        /** "Incorrect unsigned value: '%s' for %s" (MariaDB, a negative number). */
        NEGATIVE_UNSIGNED,
        /** "Integer value out of range for uint64: '%s' for %s". */
        OUT_OF_RANGE,
        /** "Unknown suffix '%c' used for variable '%s' (value '%s')". */
        UNKNOWN_SUFFIX,
        /** The same message for T, P or E, which the engine (MySQL 5.7) does not know. */
        SUFFIX_UNKNOWN_TO_ENGINE,
        /** "Incorrect integer value: '%s'". */
        INCORRECT_INTEGER,
        /** "Error while setting value '%s' to '%s'": a numeric option of the engine's list. */
        NOT_A_NUMBER
    }
}
