package io.connlint.core.model;

/**
 * A pool setting the pool library refuses, so the pool does not start.
 *
 * @param at    where the setting is written
 * @param key   the key as written
 * @param value the value as written
 * @param why   the library's own words
 */
public record RejectedValue(SourceLocation at, String key, String value, String why) {
}
