package io.connlint.core.server;

import io.connlint.core.model.Note;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;
import io.connlint.core.model.VariableKind;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionValues;
import io.connlint.core.read.mycnf.ServerCommandLine;
import io.connlint.core.server.OptionNames.Assignment;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies option entries in order (the last one of a variable wins, across groups and files),
 * fills the engine's defaults for the catalogue variables that are not set, and computes the
 * values the server really runs with: numeric catalogue values are limited to the engine's range
 * and rounded down to its block size as my_getopt does, autosized variables are derived, and,
 * when the open-files limit is known, the engine's open-files algorithm may cut
 * {@code max_connections} and {@code table_open_cache} ({@link Autosize}).
 */
public final class ServerVariablesBuilder {

    private ServerVariablesBuilder() {
    }

    /** Without a known open-files limit: no open-files cut. */
    public static SortedMap<String, Setting<?>> build(List<OptionEntry> entries, ServerEngine engine,
                                                      List<Note> notes) {
        return build(entries, engine, notes, Optional.empty());
    }

    /**
     * @param notes          receives what connlint assumed
     * @param openFilesLimit the open-files limit (soft = hard, e.g. systemd LimitNOFILE) the server
     *                       starts under; empty when unknown, and then no cut is applied
     */
    public static SortedMap<String, Setting<?>> build(List<OptionEntry> entries, ServerEngine engine,
                                                      List<Note> notes, Optional<Setting<Long>> openFilesLimit) {
        return build(entries, engine, notes, openFilesLimit, openFilesLimit.map(Setting::effective).orElse(0L));
    }

    /**
     * As {@link #build(List, ServerEngine, List, Optional)}, with a hard limit above the soft one
     * (systemd {@code LimitNOFILE=soft:hard}; {@link Long#MAX_VALUE} for infinity): mysqld raises
     * its soft limit up to the hard limit when it needs more files.
     */
    public static SortedMap<String, Setting<?>> build(List<OptionEntry> entries, ServerEngine engine,
                                                      List<Note> notes, Optional<Setting<Long>> openFilesLimit,
                                                      long hardLimit) {
        return build(entries.stream().map(e -> OptionNames.resolve(e, engine)).toList(), engine,
                new OpenFiles(openFilesLimit, hardLimit));
    }

    /** The effective variables of the resolved lines, in the order the server applies them. */
    static SortedMap<String, Setting<?>> build(List<Assignment> assignments, ServerEngine engine, OpenFiles openFiles) {
        SortedMap<String, Setting<?>> variables = new TreeMap<>();
        for (Assignment a : assignments) {
            // a value the server refuses is kept as text: CL504 reports it (Refusals), and the
            // budget uses the default (DatabaseServer.variable)
            a.variable().ifPresent(name -> variables.put(name, setting(name, a.applied(), engine)));
        }
        for (ServerVariable v : ServerVariable.all()) {
            if (v.existsOn(engine) && !v.spec(engine).orElseThrow().autosized()) {
                variables.putIfAbsent(v.name(), v.defaultSetting(engine));
            }
        }
        Autosize.apply(variables, engine, openFiles.soft(), openFiles.hard());
        return variables;
    }

    private static Setting<?> setting(String name, OptionEntry entry, ServerEngine engine) {
        String text = entry.value().orElse("");
        var known = ServerVariable.byName(name).filter(v -> v.kind() != VariableKind.TEXT
                && v.kind() != VariableKind.BOOLEAN);
        var spec = known.flatMap(v -> v.spec(engine));
        if (spec.isPresent() && entry.value().isPresent()) {
            ServerVariable.Spec range = spec.get();
            Optional<Long> number;
            if (range.min() < 0 && engine.isMariaDb() && text.startsWith("-")) {
                // a signed variable (max_user_connections): my_getopt reads it with strtoll
                number = OptionValues.parseNumber(text.substring(1), engine).map(n -> -n);
            } else {
                number = OptionValues.parseNumber(text, engine);
            }
            if (number.isPresent()) {
                Setting<Long> written = written(name, number.get(), entry.raw(), entry);
                return limit(written, range, engine);
            }
        }
        return written(name, entry.value().orElse("ON"), entry.value().isPresent() ? entry.raw() : "", entry);
    }

    private static <T> Setting<T> written(String name, T value, String raw, OptionEntry entry) {
        return entry.group().equals(ServerCommandLine.GROUP) ? Setting.commandLine(name, value, raw, entry.at())
                : Setting.written(name, value, raw, entry.at());
    }

    /** my_getopt getopt_ull_limit_value / getopt_ll_limit_value: max, then block, then min. */
    static Setting<Long> limit(Setting<Long> written, ServerVariable.Spec range, ServerEngine engine) {
        String name = written.name();
        long value = written.value();
        String kind = range.min() < 0 ? "signed" : "unsigned";
        if (value < 0 && range.min() >= 0) {
            // MySQL clamps a negative value of an unsigned option (MariaDB refuses it in parseNumber)
            return written.runsWith(range.min(), Setting.Kind.RANGE_CLAMPED, "option '" + name + "': value " + value
                    + " adjusted to " + range.min());
        }
        if (value > range.max()) {
            long max = range.limit(value);
            return written.runsWith(max, Setting.Kind.RANGE_CLAMPED,
                    "option '" + name + "': " + kind + " value " + value + " adjusted to " + max);
        }
        long v = range.block() > 1 ? value / range.block() * range.block() : value;
        if (v < range.min()) {
            return written.runsWith(range.min(), Setting.Kind.RANGE_CLAMPED,
                    "option '" + name + "': " + kind + " value " + value + " adjusted to " + range.min());
        }
        if (v != value) {
            // the server rounds silently (no warning); connlint says why
            return written.runsWith(v, Setting.Kind.BLOCK_ROUNDED, name + " is rounded down to a multiple of its block "
                    + "size " + range.block() + " (" + engine.id() + "): " + value + " runs as " + v);
        }
        return written;
    }
}
