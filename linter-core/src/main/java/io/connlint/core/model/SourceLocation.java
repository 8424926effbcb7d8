package io.connlint.core.model;

import java.util.Objects;

/**
 * A place in a file of the project: the path relative to the project root (with {@code /}), and a
 * 1-based line and column. Column 1 is the first character of the line.
 */
public record SourceLocation(String path, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(path, "path");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for findings about a file as a whole. */
    public static SourceLocation startOf(String path) {
        return new SourceLocation(path, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byPath = path.compareTo(other.path);
        if (byPath != 0) {
            return byPath;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on first
    // use, about 10 ms of a small project's 150 ms run (docs/performance.md); notes and locations
    // are hashed in every run

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation other && line == other.line && column == other.column
                && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return (path.hashCode() * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
