package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.ServerEngine;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.Setting;
import io.connlint.core.model.VariableKind;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies option entries in order (the last one of a variable wins, across groups and files) and
 * fills the engine's defaults for the catalogue variables that are not set. Numeric catalogue
 * values are clamped to the engine's range as the server does at start-up.
 */
public final class ServerVariablesBuilder {

    private ServerVariablesBuilder() {
    }

    /**
     * @param notes receives a note for each catalogue variable whose value the server would not
     *              accept, since the budget then falls back to the engine default
     */
    public static SortedMap<String, Setting<?>> build(List<OptionEntry> entries, ServerEngine engine,
                                                      List<Note> notes) {
        SortedMap<String, Setting<?>> variables = new TreeMap<>();
        for (OptionEntry entry : entries) {
            OptionValues.variableName(entry.name()).ifPresent(name -> {
                Setting<?> setting = setting(name, entry, engine);
                variables.put(name, setting);
                ServerVariable.byName(name).filter(v -> !(setting.value() instanceof Long)
                                && v.kind() != VariableKind.TEXT && v.kind() != VariableKind.BOOLEAN)
                        .ifPresent(v -> notes.add(new Note(entry.at(), name + " = '" + entry.value().orElse("")
                                + "' is not a number " + engine.id() + " accepts, so the server would refuse to start;"
                                + " the budget uses the default " + v.defaultFor(engine))));
            });
        }
        for (ServerVariable v : ServerVariable.all()) {
            variables.putIfAbsent(v.name(), v.defaultSetting(engine));
        }
        return variables;
    }

    private static Setting<?> setting(String name, OptionEntry entry, ServerEngine engine) {
        String text = entry.value().orElse("");
        var known = ServerVariable.byName(name).filter(v -> v.kind() != VariableKind.TEXT
                && v.kind() != VariableKind.BOOLEAN);
        if (known.isPresent() && entry.value().isPresent()) {
            ServerVariable variable = known.get();
            var number = OptionValues.parseNumber(text, engine);
            if (number.isPresent()) {
                Setting<Long> written = Setting.written(name, number.get(), entry.raw(), entry.at());
                long min = variable.minFor(engine);
                long value = number.get();
                if (value < 0) {
                    // MySQL clamps a negative value of an unsigned option (MariaDB refuses it in parseNumber)
                    return written.runsWith(min, "option '" + name + "': value " + value + " adjusted to " + min);
                }
                if (value < min) {
                    return written.runsWith(min,
                            "option '" + name + "': unsigned value " + value + " adjusted to " + min);
                }
                if (value > variable.max()) {
                    return written.runsWith(variable.max(),
                            "option '" + name + "': unsigned value " + value + " adjusted to " + variable.max());
                }
                return written;
            }
        }
        return Setting.written(name, entry.value().orElse("ON"), entry.value().isPresent() ? entry.raw() : "",
                entry.at());
    }
}
