package io.connlint.core.model;

import java.util.List;

/**
 * A key in an application's configuration that nothing reads: the framework ignores it silently
 * (or, for some, refuses to start).
 *
 * @param at        where it is written
 * @param key       the key as written
 * @param app       the application
 * @param kind      why nothing reads it
 * @param readsFrom where the setting is read instead, or which keys exist there
 * @param known     the keys that do exist where this one stands (for "did you mean")
 */
public record UnusedKey(SourceLocation at, String key, String app, Kind kind, String readsFrom, List<String> known) {

    public enum Kind {
        /** Under a pool's prefix, but the pool has no such property. */
        UNKNOWN_PROPERTY,
        /** A pool property outside the prefix that binds it (e.g. directly under spring.datasource). */
        MISPLACED,
        /** The legacy {@code spring.profiles} document key. */
        LEGACY_PROFILES
    }

    public UnusedKey {
        known = List.copyOf(known);
    }
}
