package io.connlint.core.model;

/**
 * Something connlint assumed or could not follow while building the model, e.g. an absolute
 * {@code !includedir} no {@code pathMap} maps into the project.
 *
 * @param at   where it arises
 * @param text what was assumed or skipped, and why
 */
public record Note(SourceLocation at, String text) {

    public Note {
        java.util.Objects.requireNonNull(at, "at");
        java.util.Objects.requireNonNull(text, "text");
    }

    // written out, as SourceLocation's are: the generated ones bootstrap method handles on first use

    @Override
    public boolean equals(Object o) {
        return o instanceof Note other && at.equals(other.at) && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return at.hashCode() * 31 + text.hashCode();
    }
}
