package io.connlint.core.model;

import java.util.Objects;

/**
 * Something in a server's option files that the server does not take as written: a line that
 * makes it refuse to start, or a file it skips.
 *
 * @param kind    which of the two
 * @param at      the line (or the start of the file)
 * @param subject the option or file concerned, as written
 * @param message what the server does, in its own words where it has them
 * @param help    how to fix it
 */
public record OptionFileIssue(Kind kind, SourceLocation at, String subject, String message, String help) {

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
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(help, "help");
    }

    public static OptionFileIssue refused(SourceLocation at, String subject, String message, String help) {
        return new OptionFileIssue(Kind.REFUSED, at, subject, message, help);
    }

    public static OptionFileIssue ignored(SourceLocation at, String subject, String message, String help) {
        return new OptionFileIssue(Kind.FILE_IGNORED, at, subject, message, help);
    }
}
