package io.connlint.core.pool;

import io.connlint.core.model.PoolConcept;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.PoolValue.Limits;
import io.connlint.core.model.Setting;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A numeric key of a pool library that connlint reads into the model: the library's own name,
 * the key the model files it under, the concept it stands for, how the library takes it and what
 * it makes of special values.
 *
 * @param name         the library's name (its setter's property): {@code maxActive}
 * @param modelKey     the model's key ({@link PoolValue#key()}): {@code maximumPoolSize}
 * @param concept      the neutral concept, if the key stands for one
 * @param isInt        true for an {@code int} setter, false for a {@code long} one
 * @param unit         the unit of a duration; empty for a count
 * @param defaultValue the library's default, when it has one regardless of release
 * @param limits       the values the library reads as no limit, and the least it runs with
 */
public record PoolKey(String name, String modelKey, Optional<PoolConcept> concept, boolean isInt,
                      Optional<TimeUnit> unit, Optional<Long> defaultValue, Limits limits) {

    public PoolKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(limits, "limits");
    }

    /** A count of connections ({@code int} setter). */
    public static PoolKey count(String name, PoolConcept concept, Long defaultValue, Limits limits) {
        return new PoolKey(name, ConceptKeys.of(concept), Optional.of(concept), true, Optional.empty(),
                Optional.ofNullable(defaultValue), limits);
    }

    /** A duration in ms standing for {@code concept}. */
    public static PoolKey millis(String name, PoolConcept concept, boolean isInt, Long defaultValue, Limits limits) {
        return new PoolKey(name, ConceptKeys.of(concept), Optional.of(concept), isInt,
                Optional.of(TimeUnit.MILLISECONDS), Optional.ofNullable(defaultValue), limits);
    }

    /** A duration in ms of the library's own, standing for no neutral concept, filed under its own name. */
    public static PoolKey ownMillis(String name, Long defaultValue, Limits limits) {
        return new PoolKey(name, name, Optional.empty(), false, Optional.of(TimeUnit.MILLISECONDS),
                Optional.ofNullable(defaultValue), limits);
    }

    /** The same key, filed under another model key. */
    public PoolKey filedAs(String key) {
        return new PoolKey(name, key, concept, isInt, unit, defaultValue, limits);
    }

    /** The same key in another unit. */
    public PoolKey in(TimeUnit timeUnit) {
        return new PoolKey(name, modelKey, concept, isInt, Optional.of(timeUnit), defaultValue, limits);
    }

    /** The model's value for {@code setting} of this key. */
    public PoolValue value(Setting<Long> setting) {
        if (unit.isPresent()) {
            return new PoolValue.Time(modelKey, concept, setting, unit.get(), limits);
        }
        return new PoolValue.Count(modelKey, concept, setting, limits);
    }
}
