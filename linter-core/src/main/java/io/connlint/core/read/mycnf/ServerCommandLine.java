package io.connlint.core.read.mycnf;

import io.connlint.core.model.Note;
import io.connlint.core.model.ServerVariable;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.VariableKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own command line, as a container starts it (a compose service's {@code command:},
 * a Kubernetes container's {@code command}/{@code args}): {@code --max-connections=500},
 * {@code --max_connections 500}. mysqld applies its command line after the option files and
 * before the persisted variables (research/mysql-facts.md: "mysqld-auto.cnf > command line >
 * option files"), so these entries are appended after the option files' entries.
 *
 * <p>The official images' entrypoint runs mysqld with the arguments when the first one starts
 * with {@code -}, or when it is {@code mysqld}/{@code mariadbd} itself. Variables the
 * orchestrator substitutes ({@code $VAR}, {@code ${VAR}}, Kubernetes {@code $(VAR)}) cannot be
 * known statically: a flag whose value uses one is skipped with a note, unless a
 * {@code ${VAR:-default}} gives a default.
 */
public final class ServerCommandLine {

    /** The group name command-line entries carry. */
    public static final String GROUP = "command line";

    private static final Set<String> SERVER_PROGRAMS = Set.of("mysqld", "mariadbd", "mysqld_safe", "mariadbd-safe",
            "mysqld-safe", "mariadbd_safe");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{[^}]*}|\\([^)]*\\)|[A-Za-z_][A-Za-z0-9_]*)");

    /** One word of the command line and where it is written. */
    public record Word(String text, SourceLocation at) {
    }

    public record Result(List<OptionEntry> entries, List<Note> notes) {
    }

    private ServerCommandLine() {
    }

    /**
     * The options of a server command line.
     *
     * @param words   the words, program name included when there is one
     * @param where   how to name the command in notes ({@code command of service db})
     */
    public static Result read(List<Word> words, String where) {
        List<OptionEntry> entries = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        int i = 0;
        while (i < words.size() && !words.get(i).text().startsWith("-")) {
            String program = words.get(i).text();
            String base = program.substring(program.lastIndexOf('/') + 1);
            if (!SERVER_PROGRAMS.contains(base)) {
                notes.add(new Note(words.get(i).at(), where + " runs '" + program + "', not mysqld: its flags are not"
                        + " read"));
                return new Result(entries, notes);
            }
            i++;
        }
        for (; i < words.size(); i++) {
            Word word = words.get(i);
            String text = word.text();
            if (!text.startsWith("--") || text.length() == 2) {
                if (!text.isEmpty()) {
                    notes.add(new Note(word.at(), "'" + text + "' in " + where + " is not a --name=value option;"
                            + " connlint does not read it"));
                }
                continue;
            }
            String body = text.substring(2);
            int eq = body.indexOf('=');
            String name = eq >= 0 ? body.substring(0, eq) : body;
            Optional<String> value = eq >= 0 ? Optional.of(body.substring(eq + 1)) : Optional.empty();
            String raw = value.orElse("");
            if (value.isEmpty() && i + 1 < words.size() && !words.get(i + 1).text().startsWith("-")
                    && takesValue(name)) {
                // my_getopt takes the next argument as the value of an option that requires one
                raw = words.get(++i).text();
                value = Optional.of(raw);
            }
            Optional<String> resolved = value.isPresent() ? substitute(value.get()) : Optional.of("");
            if (substitute(name).isEmpty() || resolved.isEmpty()) {
                notes.add(new Note(word.at(), "'" + text + (eq < 0 && value.isPresent() ? " " + raw : "") + "' in "
                        + where + " takes its value from a variable connlint cannot know; it is not applied"));
                continue;
            }
            entries.add(new OptionEntry(GROUP, name, value.map(v -> resolved.get()), raw, word.at()));
        }
        return new Result(entries, notes);
    }

    /** Options that need a value: every server variable of the catalogue except the yes/no ones. */
    private static boolean takesValue(String name) {
        return OptionValues.variableName(name.toLowerCase(Locale.ROOT)).flatMap(ServerVariable::byName)
                .map(v -> v.kind() != VariableKind.BOOLEAN).orElse(false);
    }

    /**
     * The text after the orchestrator's substitution: {@code $$} is a {@code $}, {@code ${V:-d}}
     * and {@code ${V-d}} are their default; empty when another variable remains.
     */
    static Optional<String> substitute(String text) {
        String escaped = text.replace("$$", "\u0000");
        Matcher m = DEFAULTED.matcher(escaped);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1)));
        }
        m.appendTail(b);
        if (VARIABLE.matcher(b).find()) {
            return Optional.empty();
        }
        return Optional.of(b.toString().replace('\u0000', '$'));
    }
}
