package io.connlint.core.read.python;

/**
 * A token of Python source, as the tokenizer of CPython produces it (Lib/tokenize.py), with
 * 1-based line and column (in characters, i.e. code points) and the character offsets of its text.
 * The text is cut from the source only when asked for, so that a large file costs little memory.
 *
 * @param kind  what it is
 * @param src   the whole source the token was cut from
 * @param line  1-based line of its first character
 * @param col   1-based column of its first character
 * @param start offset of its first character in the file's text
 * @param end   offset after its last character
 * @param value NUMBER: a {@link Long}, a {@link Double} or an {@link Opaque}; STRING: a
 *              {@link Literal}; ERROR: the message (a {@link String}); otherwise {@code null}
 */
record Token(Kind kind, String src, int line, int col, int start, int end, Object value) {

    enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ERROR, EOF }

    /** A string literal: its decoded value, or why it has none. */
    record Literal(String value, boolean bytes, String opaqueReason) {
    }

    /** A literal connlint reads but does not model (a complex number, an integer beyond 64 bits). */
    record Opaque(String reason) {
    }

    /** The source text ({@code ""} for NEWLINE at end of file, INDENT, DEDENT, EOF). */
    String text() {
        return src.substring(start, end);
    }

    private boolean textIs(String s) {
        return end - start == s.length() && src.startsWith(s, start);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && textIs(op);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && textIs(name);
    }

    String describe() {
        return switch (kind) {
            case NEWLINE -> "the end of the line";
            case INDENT -> "an indented block";
            case DEDENT -> "the end of the indented block";
            case EOF -> "the end of the file";
            case STRING -> "a string";
            case NUMBER -> "the number " + (end - start > 40 ? src.substring(start, start + 40) + "…" : text());
            default -> "'" + (end - start > 40 ? src.substring(start, start + 40) + "…" : text()) + "'";
        };
    }
}
