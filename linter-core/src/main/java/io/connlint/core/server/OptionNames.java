package io.connlint.core.server;

import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.VariableKind;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionValues;
import io.connlint.core.read.server.ServerOptions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The variable an option line sets, as the engine's option parser (my_getopt) finds it. Each line
 * is resolved once ({@link #resolve}); last-wins, the values and the overridden lines all use that
 * answer.
 */
final class OptionNames {

    private OptionNames() {
    }

    /**
     * An option line and what it does: {@code applied} is the line as the server applies it (a
     * MariaDB {@code skip-}/{@code disable-}/{@code enable-} turned into a value), {@code variable}
     * the variable it sets (empty: none, e.g. {@code maximum-}).
     */
    record Assignment(OptionEntry written, OptionEntry applied, Optional<String> variable) {

        /** Whether the server applies the line as another ({@code skip-x} as {@code x=0}). */
        boolean rewritten() {
            return applied != written;
        }
    }

    static Assignment resolve(OptionEntry entry, ServerEngine engine) {
        OptionEntry applied = negated(entry, engine);
        return new Assignment(entry, applied, variable(applied.name(), engine));
    }

    /**
     * The variable an option sets on {@code engine}: as {@link OptionValues#variableName(String)},
     * and on MariaDB the name in lower case (measured on 10.11: {@code MAX_CONNECTIONS} is
     * max_connections), {@code table_cache} as table_open_cache, and, where connlint has the
     * server's option list, a unique prefix as the full name ({@code wait} is wait_timeout).
     */
    static Optional<String> variable(String optionName, ServerEngine engine) {
        Optional<String> plain = OptionValues.variableName(optionName);
        if (plain.isEmpty() || !engine.isMariaDb()) {
            return plain;
        }
        String name = plain.get().toLowerCase(Locale.ROOT);
        if (name.equals("table_cache")) {
            return Optional.of("table_open_cache"); // a deprecated alias (measured: table_cache=100 sets it)
        }
        Optional<ServerOptions> options = ServerOptions.of(engine);
        if (options.isPresent()) {
            List<ServerOptions.Option> found = options.get().find(name);
            if (found.size() == 1) {
                return Optional.of(found.get(0).name().replace('-', '_'));
            }
        }
        return Optional.of(name);
    }

    /**
     * MariaDB's {@code skip-}, {@code disable-} and {@code enable-} before a numeric variable
     * (measured on 10.11): skip/disable set 0 and enable sets 1, whatever the value, except that a
     * value of exactly {@code 0} turns them round ({@code skip-x=0} is 1); my_getopt does this for
     * every option. The entry keeps its location; the value becomes "0" or "1".
     */
    static OptionEntry negated(OptionEntry entry, ServerEngine engine) {
        if (!engine.isMariaDb()) {
            return entry;
        }
        String name = entry.name().replace('-', '_').toLowerCase(Locale.ROOT);
        String loose = "";
        if (name.startsWith("loose_")) {
            loose = "loose_";
            name = name.substring(loose.length());
        }
        if (ServerVariable.byName(name).isPresent()) {
            return entry;
        }
        Optional<ServerOptions> options = ServerOptions.of(engine);
        if (options.isPresent() && !options.get().find(name).isEmpty()) {
            return entry;
        }
        for (String prefix : List.of("skip_", "disable_", "enable_")) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            Optional<String> target = variable(name.substring(prefix.length()), engine);
            var variable = target.flatMap(ServerVariable::byName).filter(v -> v.existsOn(engine)
                    && v.kind() != VariableKind.TEXT && v.kind() != VariableKind.BOOLEAN);
            if (variable.isEmpty()) {
                return entry;
            }
            boolean zero = entry.value().map("0"::equals).orElse(false);
            boolean on = prefix.equals("enable_") != zero;
            String value = on ? "1" : "0";
            return new OptionEntry(entry.group(), loose + variable.get().name(), Optional.of(value), value, entry.at());
        }
        return entry;
    }
}
