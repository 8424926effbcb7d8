package io.connlint.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool setting the pool library (or the framework binding it) refuses, so the pool does not start.
 *
 * @param at      where the setting is written
 * @param key     the key as written
 * @param value   the value as written
 * @param why     the refusal, in the library's own words where it has any
 * @param refusal what kind of refusal it is, with the facts a rule words its help from
 */
public record RejectedValue(SourceLocation at, String key, String value, String why, Refusal refusal) {

    public RejectedValue {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** Why a value is refused. */
    public sealed interface Refusal {
        /** Who refuses: the library ({@code HikariCP}) or the framework binding it ({@code Spring Boot}). */
        String refusedBy();
    }

    /**
     * The library has no such key.
     *
     * @param known       the keys it does have, as this file would spell them
     * @param nearest     the known key nearest to the one written, when one is near
     * @param passThrough the prefix that passes a key on to the driver instead ({@code dataSource.}), if any
     */
    public record UnknownKey(String refusedBy, List<String> known, Optional<String> nearest,
                             Optional<String> passThrough) implements Refusal {
        public UnknownKey {
            known = List.copyOf(known);
        }
    }

    /**
     * The value is not a number the library parses.
     *
     * @param property      the library's property, as this file would spell it
     * @param whole         true for a count, false for a duration in ms
     * @param asDuration    the value in ms, when it is a duration a later release of the library parses
     * @param withoutSpaces the number, when only surrounding spaces stop the library
     * @param assign        how this file writes a value: {@code =} or {@code : }
     */
    public record NotANumber(String refusedBy, String property, boolean whole, Optional<Long> asDuration,
                             Optional<Long> withoutSpaces, String assign) implements Refusal {
    }

    /**
     * The library's setter refuses the number (it is out of the range the library accepts).
     *
     * @param property the library's property, by its own name
     * @param spelled  the property as this file would spell it
     * @param assign   how this file writes a value: {@code =} or {@code : }
     */
    public record OutOfRange(String refusedBy, String property, String spelled, String assign) implements Refusal {
    }

    /** The framework cannot bind the value (a circular placeholder, a text that is no number). */
    public record Unbindable(String refusedBy) implements Refusal {
    }
}
