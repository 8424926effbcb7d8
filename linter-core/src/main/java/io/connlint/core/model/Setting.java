package io.connlint.core.model;

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
 * @param reason    why {@code effective} differs from {@code value}
 */
public record Setting<T>(String name, T value, String raw, Origin origin, T effective, Optional<String> reason) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(reason, "reason");
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
        if (runsWith.equals(value)) {
            return this;
        }
        return new Setting<>(name, value, raw, origin, runsWith, Optional.of(why));
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
