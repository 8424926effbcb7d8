package io.connlint.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of the model.
 *
 * @param name      the name users write, e.g. {@code max_connections} or {@code maxLifetime}
 * @param value     the configured value, normalised (durations in ms, sizes in bytes, counts as long)
 * @param raw       the text as written, or the default's text
 * @param origin    where the value comes from
 * @param effective the value the engine runs with; equal to {@code value} unless the engine rewrites it
 * @param reason    why {@code effective} differs from {@code value}: every adjustment's words, in order,
 *                  joined by "; then "
 * @param adjustments what the engine did to the value, in order, each with its kind, so rules need not read
 *                  the reason's words
 */
public record Setting<T>(String name, T value, String raw, Origin origin, T effective, Optional<String> reason,
                         List<Adjustment> adjustments) {

    /** What kind of adjustment an engine made. */
    public enum Kind {
        /** The server limits a value to its range (my_getopt: "option 'x': value 0 adjusted to 1"). */
        RANGE_CLAMPED,
        /** The server rounds a value down to a multiple of its block size, silently. */
        BLOCK_ROUNDED,
        /** The server lowers a value to fit its open-files limit ("Changed limits: ..."). */
        OPEN_FILES_CUT,
        /** The server computes the value itself (a 0 or unset value autosized). */
        AUTOSIZED,
        /** A pool library silently runs with another value (HikariCP's validate()). */
        POOL_REWRITE,
        /** A value the engine documents as meaning another (HikariCP connectionTimeout 0: wait forever). */
        SPECIAL_VALUE,
        /** Any other reason. */
        OTHER
    }

    /** One thing the engine did to the value, and why, in the engine's words where it logs any. */
    public record Adjustment(Kind kind, String why) {
        public Adjustment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(why, "why");
        }
    }

    private static final String THEN = "; then ";

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(reason, "reason");
        adjustments = List.copyOf(adjustments);
        if (adjustments.isEmpty() && reason.isPresent()) {
            adjustments = List.of(new Adjustment(Kind.OTHER, reason.get()));
        } else if (!adjustments.isEmpty() && reason.isEmpty()) {
            reason = Optional.of(String.join(THEN, adjustments.stream().map(Adjustment::why).toList()));
        }
    }

    /** A setting whose reason is one adjustment of kind {@link Kind#OTHER} (or none). */
    public Setting(String name, T value, String raw, Origin origin, T effective, Optional<String> reason) {
        this(name, value, raw, origin, effective, reason, List.of());
    }

    /** A value written in a file. */
    public static <T> Setting<T> written(String name, T value, String raw, SourceLocation at) {
        return new Setting<>(name, value, raw, new Origin.InFile(at), value, Optional.empty());
    }

    /** A value passed on the server's command line, written at {@code at}. */
    public static <T> Setting<T> commandLine(String name, T value, String raw, SourceLocation at) {
        return new Setting<>(name, value, raw, new Origin.CommandLine(at), value, Optional.empty());
    }

    /** The engine's own default, for a value that is not written anywhere. */
    public static <T> Setting<T> engineDefault(String name, T value, String engine) {
        return new Setting<>(name, value, String.valueOf(value), new Origin.EngineDefault(engine), value, Optional.empty());
    }

    /** A value computed from others. */
    public static <T> Setting<T> derived(String name, T value, String formula) {
        return new Setting<>(name, value, String.valueOf(value), new Origin.Derived(formula), value, Optional.empty());
    }

    /** A value connlint could not know and assumed. */
    public static <T> Setting<T> assumed(String name, T value, String why) {
        return new Setting<>(name, value, String.valueOf(value), new Origin.Assumed(why), value, Optional.empty());
    }

    /** The same setting, which the engine runs with {@code runsWith} instead, for {@code why}. */
    public Setting<T> runsWith(T runsWith, String why) {
        return runsWith(runsWith, Kind.OTHER, why);
    }

    /** The same setting, which the engine runs with {@code runsWith} instead, for an adjustment of {@code kind}. */
    public Setting<T> runsWith(T runsWith, Kind kind, String why) {
        if (runsWith.equals(value)) {
            return this;
        }
        return new Setting<>(name, value, raw, origin, runsWith, Optional.empty(), List.of(new Adjustment(kind, why)));
    }

    /**
     * This setting after one more adjustment: the engine then runs with {@code runsWith}. Nothing
     * changes when it already does.
     */
    public Setting<T> then(T runsWith, Kind kind, String why) {
        if (effective.equals(runsWith) || (runsWith.equals(value) && adjustments.isEmpty())) {
            return this;
        }
        List<Adjustment> all = new java.util.ArrayList<>(adjustments);
        all.add(new Adjustment(kind, why));
        return new Setting<>(name, value, raw, origin, runsWith, Optional.empty(), all);
    }

    /** The first adjustment of {@code kind}, if the engine made one. */
    public Optional<Adjustment> adjustment(Kind kind) {
        return adjustments.stream().filter(a -> a.kind() == kind).findFirst();
    }

    public Optional<SourceLocation> location() {
        return origin.location();
    }

    /** True when a user wrote this value in a file (an option file, or the server's command line in one). */
    public boolean isWritten() {
        return origin instanceof Origin.InFile || origin instanceof Origin.CommandLine;
    }

    /** True when the engine runs with another value than the configured one. */
    public boolean isRewritten() {
        return reason.isPresent();
    }
}
