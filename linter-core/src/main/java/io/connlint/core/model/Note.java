package io.connlint.core.model;

/**
 * Something connlint assumed or could not follow while building the model, e.g. an absolute
 * {@code !includedir} no {@code pathMap} maps into the project.
 *
 * @param at   where it arises
 * @param text what was assumed or skipped, and why
 */
public record Note(SourceLocation at, String text) {
}
