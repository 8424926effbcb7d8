package io.connlint.core.model;

import java.util.Objects;

/**
 * Something a reader could not read, or a connlint.yml entry that is not valid. Readers record
 * these; rules CL900 and CL901 report them.
 *
 * @param kind    which of the two it is
 * @param at      file, line and column
 * @param message what is wrong and what was expected
 */
public record ReadProblem(Kind kind, SourceLocation at, String message) {

    public enum Kind {
        /** A file cannot be read or parsed (CL900). */
        UNREADABLE,
        /** connlint.yml has an unknown key, a wrong type, or names a missing file (CL901). */
        CONFIG_INVALID
    }

    public ReadProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    public static ReadProblem unreadable(SourceLocation at, String message) {
        return new ReadProblem(Kind.UNREADABLE, at, message);
    }

    public static ReadProblem configInvalid(SourceLocation at, String message) {
        return new ReadProblem(Kind.CONFIG_INVALID, at, message);
    }
}
