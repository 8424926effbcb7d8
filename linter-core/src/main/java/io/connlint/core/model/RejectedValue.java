package io.connlint.core.model;

/**
 * A pool setting the pool library refuses, so the pool does not start.
 *
 * @param at    where the setting is written
 * @param key   the key as written
 * @param value the value as written
 * @param why   the library's own words
 * @param fix   what to write instead, when the reader can tell
 */
public record RejectedValue(SourceLocation at, String key, String value, String why, java.util.Optional<String> fix) {

    /** A refusal without a computed fix. */
    public RejectedValue(SourceLocation at, String key, String value, String why) {
        this(at, key, value, why, java.util.Optional.empty());
    }
}
