package io.connlint.core.read.django;

import io.connlint.core.read.FileAccess;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Note;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;
import io.connlint.core.model.UnusedKey;
import io.connlint.core.read.mycnf.OptionEntry;
import io.connlint.core.read.mycnf.OptionFileReader;
import io.connlint.core.read.mycnf.OptionFiles;
import io.connlint.core.read.mycnf.ProjectPaths;
import io.connlint.core.read.python.PyValue;
import io.connlint.core.read.python.PyValue.PyBool;
import io.connlint.core.read.python.PyValue.PyChoice;
import io.connlint.core.read.python.PyValue.PyDict;
import io.connlint.core.read.python.PyValue.PyFloat;
import io.connlint.core.read.python.PyValue.PyInt;
import io.connlint.core.read.python.PyValue.PyList;
import io.connlint.core.read.python.PyValue.PyNone;
import io.connlint.core.read.python.PyValue.PyStr;
import io.connlint.core.read.python.PyValue.PyUnknown;
import io.connlint.core.read.python.PythonModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database connections a Django settings module configures: one per {@code DATABASES} alias
 * whose ENGINE is MySQL or MariaDB. Django holds one connection per thread per alias, kept for
 * {@code CONN_MAX_AGE} seconds (0: closed after each request; None: without limit).
 * research/client-facts.md §4.
 */
public final class DjangoSettings {

    /**
     * One alias's connections.
     *
     * @param connMaxAge   CONN_MAX_AGE in seconds ({@link ClientPool#CONN_MAX_AGE_UNLIMITED} for None), if written
     * @param healthChecks CONN_HEALTH_CHECKS, if written
     */
    public record DjangoAlias(String alias, Optional<Target> target, Optional<Setting<Long>> connMaxAge,
                              Optional<Setting<Boolean>> healthChecks) {
    }

    /** What the module configures. */
    public record Result(List<DjangoAlias> aliases, List<Note> notes, List<ReadProblem> problems,
                         List<UnusedKey> unused, List<String> filesRead) {
    }

    private final String app;
    private final PythonModule module;
    private final ProjectPaths paths;
    private final boolean declared;
    private final List<Note> notes = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();
    private final List<UnusedKey> unused = new ArrayList<>();
    private final List<String> filesRead = new ArrayList<>();

    private DjangoSettings(String app, PythonModule module, ProjectPaths paths, boolean declared) {
        this.app = app;
        this.module = module;
        this.paths = paths;
        this.declared = declared;
    }

    /**
     * @param declared true when connlint.yml declares the app: an alias whose ENGINE cannot be known
     *                 is then assumed to be MySQL (and said so)
     */
    public static Result read(String app, PythonModule module, ProjectPaths paths, boolean declared) {
        DjangoSettings reader = new DjangoSettings(app, module, paths, declared);
        List<DjangoAlias> aliases = reader.aliases();
        reader.misplaced();
        return new Result(aliases, reader.notes, reader.problems, reader.unused, reader.filesRead);
    }

    private List<DjangoAlias> aliases() {
        PyValue databases = module.namespace().get("DATABASES");
        SourceLocation moduleStart = SourceLocation.startOf(module.path());
        if (databases == null) {
            notes.add(new Note(moduleStart, "the settings module of " + app + " sets no DATABASES"));
            return List.of();
        }
        PyDict dict = pick(databases, "DATABASES").orElse(null);
        if (dict == null) {
            notes.add(new Note(databases.at(), "DATABASES of " + app + " cannot be known statically"
                    + reason(databases) + "; its connections are not in the budget"));
            return List.of();
        }
        List<DjangoAlias> aliases = new ArrayList<>();
        for (Map.Entry<String, PyValue> e : dict.entries().entrySet()) {
            Optional<PyDict> alias = pick(e.getValue(), "DATABASES[\"" + e.getKey() + "\"]");
            if (alias.isEmpty()) {
                notes.add(new Note(e.getValue().at(), "DATABASES[\"" + e.getKey() + "\"] of " + app
                        + " cannot be known statically" + reason(e.getValue()) + "; it is not in the budget"));
                continue;
            }
            alias(e.getKey(), alias.get()).ifPresent(aliases::add);
        }
        return aliases;
    }

    private Optional<DjangoAlias> alias(String name, PyDict alias) {
        PyValue engine = alias.entries().get("ENGINE");
        String label = "DATABASES[\"" + name + "\"]";
        Optional<String> engineName = engine == null ? Optional.empty() : string(worstOf(engine));
        if (engine == null || engineName.isEmpty() && !(worstOf(engine) instanceof PyUnknown)) {
            notes.add(new Note(alias.at(), label + " of " + app + " has no ENGINE; it is not in the budget"));
            return Optional.empty();
        }
        if (engineName.isPresent() && !engineName.get().contains("mysql")) {
            notes.add(new Note(engine.at(), label + " of " + app + " uses " + engineName.get()
                    + ", not MySQL/MariaDB; it is not in the budget"));
            return Optional.empty();
        }
        if (engineName.isEmpty()) {
            if (!declared) {
                notes.add(new Note(engine.at(), "the ENGINE of " + label + " of " + app + " cannot be known statically"
                        + reason(engine) + "; without connlint.yml it is not in the budget"));
                return Optional.empty();
            }
            notes.add(new Note(engine.at(), "the ENGINE of " + label + " of " + app + " cannot be known statically"
                    + reason(engine) + ": assumed MySQL, since connlint.yml declares the app"));
        }
        Optional<Setting<Long>> maxAge = connMaxAge(label, alias.entries().get("CONN_MAX_AGE"));
        Optional<Setting<Boolean>> healthChecks = healthChecks(alias.entries().get("CONN_HEALTH_CHECKS"));
        return Optional.of(new DjangoAlias(name, target(label, alias), maxAge, healthChecks));
    }

    /** CONN_MAX_AGE in seconds; None is {@link ClientPool#CONN_MAX_AGE_UNLIMITED}; empty when not written. */
    private Optional<Setting<Long>> connMaxAge(String label, PyValue value) {
        if (value == null) {
            return Optional.empty();
        }
        PyValue v = worstOf(value);
        if (v instanceof PyNone) {
            return Optional.of(Setting.written(ClientPool.CONN_MAX_AGE, ClientPool.CONN_MAX_AGE_UNLIMITED, "None", v.at()));
        }
        if (v instanceof PyInt i) {
            return Optional.of(Setting.written(ClientPool.CONN_MAX_AGE, i.value(), String.valueOf(i.value()), v.at()));
        }
        if (v instanceof PyFloat f) {
            return Optional.of(Setting.written(ClientPool.CONN_MAX_AGE, (long) f.value(), String.valueOf(f.value()),
                    v.at()));
        }
        if (v instanceof PyStr s && s.value().trim().matches("\\d+")) {
            // Django compares time.monotonic() + max_age: a numeric string fails at the first request
            problems.add(ReadProblem.unreadable(v.at(), label + "[\"CONN_MAX_AGE\"] is the string '" + s.value()
                    + "'; Django needs a number of seconds or None"));
        }
        notes.add(new Note(v.at(), label + "[\"CONN_MAX_AGE\"] of " + app + " cannot be known statically" + reason(v)
                + ": assumed 0 (Django's default)"));
        return Optional.of(Setting.assumed(ClientPool.CONN_MAX_AGE, 0L, "CONN_MAX_AGE cannot be known statically"));
    }

    private static Optional<Setting<Boolean>> healthChecks(PyValue value) {
        if (value == null) {
            return Optional.empty();
        }
        PyValue v = worstOf(value);
        Optional<Boolean> truth = truthiness(v);
        if (truth.isEmpty()) {
            return Optional.of(Setting.assumed(ClientPool.CONN_HEALTH_CHECKS, false,
                    "CONN_HEALTH_CHECKS cannot be known statically"));
        }
        return Optional.of(Setting.written(ClientPool.CONN_HEALTH_CHECKS, truth.get(), raw(v), v.at()));
    }

    /** Where the alias connects: OPTIONS, then HOST/PORT/NAME/USER, then an OPTIONS read_default_file. */
    private Optional<Target> target(String label, PyDict alias) {
        Map<String, PyValue> options = alias.entries().get("OPTIONS") instanceof PyDict d ? d.entries() : Map.of();
        Map<String, Setting<String>> fromFile = optionFile(label, options);
        Optional<Setting<String>> host = first(field(options.get("host")), field(alias.entries().get("HOST")),
                Optional.ofNullable(fromFile.get("host")));
        Optional<Setting<String>> port = first(field(options.get("port")), field(alias.entries().get("PORT")),
                Optional.ofNullable(fromFile.get("port")));
        Optional<Setting<String>> name = first(field(options.get("db")), field(options.get("database")),
                field(alias.entries().get("NAME")), Optional.ofNullable(fromFile.get("database")));
        Optional<Setting<String>> user = first(field(options.get("user")), field(alias.entries().get("USER")),
                Optional.ofNullable(fromFile.get("user")));
        String hostName = host.map(Setting::value).filter(h -> !h.isBlank()).orElse("localhost");
        Optional<Integer> portNumber = port.map(Setting::value).filter(p -> p.trim().matches("\\d{1,5}"))
                .map(p -> Integer.parseInt(p.trim()));
        SourceLocation at = host.flatMap(Setting::location).orElse(alias.at());
        Setting<String> source = Setting.written("HOST", hostName + portNumber.map(p -> ":" + p).orElse(""),
                host.map(Setting::raw).orElse(""), at);
        return Optional.of(new Target(List.of(new HostPort(hostName, portNumber)),
                name.map(Setting::value).filter(n -> !n.isBlank()), user.filter(u -> !u.value().isBlank()), source));
    }

    /** The [client] values of an OPTIONS read_default_file, as mysqlclient reads them. */
    private Map<String, Setting<String>> optionFile(String label, Map<String, PyValue> options) {
        PyValue file = options.get("read_default_file");
        if (file == null) {
            return Map.of();
        }
        Optional<String> path = string(file);
        if (path.isEmpty()) {
            notes.add(new Note(file.at(), label + " OPTIONS read_default_file cannot be known statically" + reason(file)));
            return Map.of();
        }
        Optional<Path> resolved = paths.resolve(path.get(), paths.root());
        if (resolved.isEmpty() || !FileAccess.isRegularFile(resolved.get())) {
            notes.add(new Note(file.at(), label + " OPTIONS read_default_file '" + path.get()
                    + "' is not a file in the project; its [client] values are not known"));
            return Map.of();
        }
        Set<String> groups = new java.util.HashSet<>(Set.of("client"));
        string(options.getOrDefault("read_default_group", new PyNone(file.at()))).ifPresent(groups::add);
        OptionFiles read = new OptionFileReader(paths, groups).read(resolved.get());
        filesRead.addAll(read.filesRead());
        problems.addAll(read.problems());
        notes.addAll(read.notes());
        Map<String, Setting<String>> values = new LinkedHashMap<>();
        for (OptionEntry e : read.entries()) {
            String key = e.name().replace('_', '-');
            e.value().ifPresent(v -> values.put(key, Setting.written(key, v, e.raw(), e.at())));
        }
        return values;
    }

    /** Top-level CONN_MAX_AGE or CONN_HEALTH_CHECKS: Django reads them only inside DATABASES[alias]. */
    private void misplaced() {
        for (String key : List.of(ClientPool.CONN_MAX_AGE, ClientPool.CONN_HEALTH_CHECKS)) {
            SourceLocation at = module.assignedAt().get(key);
            if (at != null) {
                unused.add(new UnusedKey(at, key, app, UnusedKey.Kind.MISPLACED,
                        "DATABASES[\"default\"][\"" + key + "\"] (Django reads it per alias)", List.of()));
            }
        }
    }

    // ---- values -------------------------------------------------------------------------------

    /**
     * A dict from a value that may be a choice between branches: the alternative with a MySQL
     * ENGINE when there is one, and a note saying which was taken.
     */
    private Optional<PyDict> pick(PyValue value, String what) {
        List<PyValue> alternatives = new ArrayList<>();
        flatten(value, alternatives);
        List<PyDict> dicts = alternatives.stream().filter(PyDict.class::isInstance).map(PyDict.class::cast).toList();
        if (dicts.isEmpty()) {
            return Optional.empty();
        }
        if (value instanceof PyChoice choice) {
            PyDict chosen = dicts.stream().filter(DjangoSettings::mentionsMySql).findFirst().orElse(dicts.get(0));
            notes.add(new Note(value.at(), what + " of " + app + " depends on `" + choice.condition()
                    + "`, which cannot be known statically: the branch " + (mentionsMySql(chosen)
                    ? "that configures MySQL" : "first written") + " is used"));
            return Optional.of(chosen);
        }
        return Optional.of(dicts.get(0));
    }

    private static boolean mentionsMySql(PyDict dict) {
        for (PyValue v : dict.entries().values()) {
            if (v instanceof PyStr s && s.value().contains("mysql")) {
                return true;
            }
            if (v instanceof PyDict d && mentionsMySql(d)) {
                return true;
            }
        }
        return false;
    }

    private static void flatten(PyValue value, List<PyValue> out) {
        if (value instanceof PyChoice c) {
            flatten(c.whenTrue(), out);
            flatten(c.whenFalse(), out);
        } else {
            out.add(value);
        }
    }

    /**
     * The value that keeps connections longest when branches differ: None over any number, a
     * larger number over a smaller one; otherwise the first known one.
     */
    static PyValue worstOf(PyValue value) {
        if (!(value instanceof PyChoice)) {
            return value;
        }
        List<PyValue> alternatives = new ArrayList<>();
        flatten(value, alternatives);
        PyValue worst = null;
        for (PyValue v : alternatives) {
            if (v instanceof PyNone) {
                return v;
            }
            if (v instanceof PyInt i && (!(worst instanceof PyInt w) || i.value() > w.value())) {
                worst = v;
            } else if (worst == null && !(v instanceof PyUnknown)) {
                worst = v;
            }
        }
        return worst != null ? worst : alternatives.get(0);
    }

    private static Optional<String> string(PyValue v) {
        PyValue w = worstOf(v);
        return w instanceof PyStr s ? Optional.of(s.value()) : Optional.empty();
    }

    /** A HOST/PORT/NAME/USER value as text: strings as they are, ints as digits. */
    private Optional<Setting<String>> field(PyValue value) {
        if (value == null) {
            return Optional.empty();
        }
        PyValue v = worstOf(value);
        if (v instanceof PyStr s) {
            return Optional.of(Setting.written("value", s.value(), s.value(), s.at()));
        }
        if (v instanceof PyInt i) {
            return Optional.of(Setting.written("value", String.valueOf(i.value()), String.valueOf(i.value()), i.at()));
        }
        if (v instanceof PyUnknown u) {
            notes.add(new Note(u.at(), "a connection setting of " + app + " cannot be known statically" + reason(u)));
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static <T> Optional<T> first(Optional<T>... options) {
        for (Optional<T> o : options) {
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** Python truth: empty strings, 0, None and empty containers are false. */
    static Optional<Boolean> truthiness(PyValue v) {
        if (v instanceof PyBool b) {
            return Optional.of(b.value());
        }
        if (v instanceof PyNone) {
            return Optional.of(false);
        }
        if (v instanceof PyInt i) {
            return Optional.of(i.value() != 0);
        }
        if (v instanceof PyFloat f) {
            return Optional.of(f.value() != 0);
        }
        if (v instanceof PyStr s) {
            return Optional.of(!s.value().isEmpty());
        }
        if (v instanceof PyDict d) {
            return Optional.of(!d.entries().isEmpty());
        }
        if (v instanceof PyList l) {
            return Optional.of(!l.items().isEmpty());
        }
        return Optional.empty();
    }

    private static String raw(PyValue v) {
        if (v instanceof PyBool b) {
            return b.value() ? "True" : "False";
        }
        if (v instanceof PyStr s) {
            return "\"" + s.value() + "\"";
        }
        return String.valueOf(v);
    }

    private static String reason(PyValue v) {
        PyValue w = v;
        if (w instanceof PyChoice c) {
            return " (it depends on `" + c.condition() + "`)";
        }
        return w instanceof PyUnknown u ? " (" + u.reason() + ")" : "";
    }
}
