package io.connlint.core.read.django;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Origin;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;
import io.connlint.core.pool.DjangoConnections;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Real Python is the oracle of connlint's static Django reader. connlint never runs a settings
 * file, but our own test projects are safe to run: {@link PythonOracle} imports each one's settings
 * module with Debian's Django, dj-database-url and django-environ, in exactly the environment
 * connlint.yml gives the app, and connlint must read the same DATABASES.
 *
 * <p>Each case is a small project under {@code src/test/resources/django-oracle/<case>/}:
 * connlint.yml (one app, {@code web}, whose first config file is the settings module), a server
 * option file and a settings package. Its {@code expected.yml} writes down what Python gives, and
 * the oracle is checked against it first, so a wrong oracle cannot make connlint look right.
 *
 * <p>Per MySQL alias (ENGINE contains "mysql") connlint has one {@link PoolKind#DJANGO} pool, named
 * {@code web} when the app has one such alias and {@code web/<alias>} otherwise; other aliases are
 * not pools, and a note at the settings files names them. Compared per pool: HOST, PORT, NAME, USER,
 * CONN_MAX_AGE and CONN_HEALTH_CHECKS after Django's defaults. How values are compared, where the
 * two sides rightly differ in form:
 * <ul>
 *   <li>HOST: host names are case-insensitive (RFC 4343) and connlint's {@link HostPort} lower-cases
 *       them, so Python's HOST is lower-cased; Django's {@code ''} is {@code localhost}, where
 *       mysqlclient then connects (Django docs, MySQL notes), and connlint names the target so;</li>
 *   <li>PORT: a string or an int in Python, a number in connlint; {@code ''} is no port;</li>
 *   <li>NAME and USER: {@code ''} is none given;</li>
 *   <li>CONN_MAX_AGE: Python's None is {@link #UNLIMITED};</li>
 *   <li>CONN_HEALTH_CHECKS: Django only tests its truth ({@code if self.health_check_enabled},
 *       django/db/backends/base/base.py), so a string "False" is true.</li>
 * </ul>
 *
 * <p>The documented exceptions are the cases whose expected.yml has a {@code libraryGap}: the
 * Debian 12 package of a library is older than the release that changed what the case tests, and
 * connlint follows the current release. The test checks that the installed version is indeed
 * older (so the exception goes away when the oracle catches up), that Python gives the old
 * behaviour written under {@code python}/{@code raises}, and compares connlint with the current
 * behaviour written under {@code libraryGap.current}, which quotes its source.
 */
class DjangoOracleTest {

    static final String APP = "web";
    static final String CONN_MAX_AGE = "CONN_MAX_AGE";
    static final String CONN_HEALTH_CHECKS = "CONN_HEALTH_CHECKS";
    /** The keys expected.yml gives for every alias; OPTIONS may be given too. */
    static final List<String> KEYS = List.of("ENGINE", "HOST", "PORT", "NAME", "USER", CONN_MAX_AGE,
            CONN_HEALTH_CHECKS);
    static final String OPTIONS = "OPTIONS";
    /** connlint's CONN_MAX_AGE for None (unlimited), by the model contract: ClientPool.CONN_MAX_AGE_UNLIMITED. */
    static final long UNLIMITED = ClientPool.CONN_MAX_AGE_UNLIMITED;

    private static final Map<Path, PythonOracle.Run> RUNS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> cases() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/django-oracle")).toURI());
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 20, "the cases are there: " + dirs);
        return dirs.stream().map(dir -> {
            Project project = Project.read(dir);
            Expected expected = Expected.read(dir.resolve("expected.yml"));
            return DynamicContainer.dynamicContainer(dir.getFileName().toString(), Stream.of(
                    dynamicTest("Python gives expected.yml", () -> assertPythonMatches(expected, python(project))),
                    dynamicTest("connlint agrees with Python", () -> assertConnlintAgrees(project, expected,
                            python(project)))));
        });
    }

    /** The settings see the variables connlint.yml gives and PATH, nothing of the machine's. */
    @Test
    void theSettingsSeeOnlyTheGivenEnvironment(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("mysite"));
        Files.writeString(root.resolve("mysite/__init__.py"), "");
        Files.writeString(root.resolve("mysite/settings.py"), """
                import os
                DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "NAME": ",".join(sorted(os.environ))}}
                """);
        PythonOracle.Run run = PythonOracle.require().run(root, "mysite.settings", Map.of("DB_HOST", "db.internal"));
        assertEquals("DB_HOST,PATH", run.aliases().get("default").get("NAME"));
    }

    /** What the oracle prints for what it cannot put in JSON, and for an exception. */
    @Test
    void theOracleReportsWhatItCannotPrintAndWhatIsRaised(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("mysite"));
        Files.writeString(root.resolve("mysite/__init__.py"), "");
        Files.writeString(root.resolve("mysite/settings.py"), """
                from pathlib import PurePosixPath
                DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                                         "NAME": PurePosixPath("/srv/db.sqlite3")}}
                """);
        Files.writeString(root.resolve("mysite/other.py"), """
                DATABASES = {"replica": {"ENGINE": "django.db.backends.mysql"}}
                """);
        PythonOracle oracle = PythonOracle.require();
        assertEquals(Map.of("python", "PurePosixPath", "repr", "PurePosixPath('/srv/db.sqlite3')"),
                oracle.run(root, "mysite.settings", Map.of()).aliases().get("default").get("NAME"));
        PythonOracle.Run noDefault = oracle.run(root, "mysite.other", Map.of());
        assertEquals(Optional.of(new PythonOracle.Raised("ImproperlyConfigured",
                "You must define a 'default' database.")), noDefault.raised());
    }

    /**
     * Python facts a static reader could get wrong, outside what the cases compare (connlint's
     * model has no value for them): django-environ casts only a value that differs from the default
     * ({@code if value != default}, environ.py {@code get_value}), so a string default stays a
     * string, even when the variable is set to that same text, and Django would fail on
     * {@code time.monotonic() + "60"} at the first connection; dj-database-url's {@code config()}
     * without its variable gives {@code {}}, so a key set on it afterwards leaves an alias with no
     * ENGINE, which Django runs as the dummy backend.
     */
    @Test
    void librariesDoNotAlwaysGiveWhatTheCallSuggests(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("mysite"));
        Files.writeString(root.resolve("mysite/__init__.py"), "");
        Files.writeString(root.resolve("mysite/settings.py"), """
                import environ
                env = environ.Env()
                DATABASES = {"default": {"ENGINE": "django.db.backends.mysql",
                                         "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default="60")}}
                """);
        Files.writeString(root.resolve("mysite/unset.py"), """
                import dj_database_url
                DATABASES = {"default": dj_database_url.config(conn_max_age=600)}
                DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
                """);
        PythonOracle oracle = PythonOracle.require();
        assertEquals("60", oracle.run(root, "mysite.settings", Map.of()).aliases().get("default").get(CONN_MAX_AGE));
        assertEquals("60", oracle.run(root, "mysite.settings", Map.of(CONN_MAX_AGE, "60")).aliases().get("default")
                .get(CONN_MAX_AGE), "a value equal to the default is not cast either");
        assertEquals(90L, oracle.run(root, "mysite.settings", Map.of(CONN_MAX_AGE, "90")).aliases().get("default")
                .get(CONN_MAX_AGE), "another value is cast");
        Map<String, Object> unset = oracle.run(root, "mysite.unset", Map.of()).aliases().get("default");
        assertEquals("django.db.backends.dummy", unset.get("ENGINE"));
        assertEquals(0L, unset.get(CONN_MAX_AGE));
    }

    /** The comparison itself: a pool read as Python runs the alias agrees; one CONN_MAX_AGE off does not. */
    @Test
    void aPoolAgreesWhenItHasPythonsValues() {
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("ENGINE", "django.db.backends.mysql");
        python.put("HOST", "DB.Internal");
        python.put("PORT", "3306");
        python.put("NAME", "shop");
        python.put("USER", "");
        python.put(CONN_MAX_AGE, null);
        python.put(CONN_HEALTH_CHECKS, "False");
        SourceLocation at = new SourceLocation("mysite/settings/production.py", 3, 5);
        Setting<String> host = Setting.written("HOST", "DB.Internal", "\"DB.Internal\"", at);
        Target target = new Target(List.of(new HostPort("DB.Internal", Optional.of(3306))), Optional.of("shop"),
                Optional.empty(), host);
        List<PoolValue> values = DjangoConnections.INSTANCE.values(
                Optional.of(Setting.written(CONN_MAX_AGE, UNLIMITED, "None", at)),
                Optional.of(Setting.written(CONN_HEALTH_CHECKS, true, "\"False\"", at)),
                Setting.derived("threads", 1L, "one thread"));
        ClientPool pool = new ClientPool(APP, APP, PoolKind.DJANGO, List.of(at.path()), Optional.of(target), values,
                Optional.empty(), Setting.written("instances", 2L, "2", at), Setting.derived("processes", 1L, "one process"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        assertEquals(fromPython(python), fromConnlint(pool));
        python.put(CONN_MAX_AGE, 0L);
        assertNotEquals(fromPython(python), fromConnlint(pool));
    }

    // ---- the Python side -----------------------------------------------------------------------

    static PythonOracle.Run python(Project project) throws IOException {
        PythonOracle oracle = PythonOracle.require();
        PythonOracle.Run run = RUNS.get(project.root());
        if (run == null) {
            run = oracle.run(project.root(), project.module(), project.env());
            RUNS.put(project.root(), run);
        }
        return run;
    }

    private static void assertPythonMatches(Expected expected, PythonOracle.Run run) {
        String versions = "\noracle: " + run.versions();
        if (expected.gap().isPresent()) {
            LibraryGap gap = expected.gap().get();
            String installed = run.versions().get(gap.library());
            assertTrue(installed != null && compareVersions(installed, gap.fixedIn()) < 0, "the oracle's "
                    + gap.library() + " is " + installed + ", not older than " + gap.fixedIn() + ": the libraryGap no"
                    + " longer applies; write what Python now gives under python and remove it" + versions);
        }
        if (expected.raises().isPresent()) {
            assertTrue(run.raised().isPresent(), "Python should raise " + expected.raises().get()
                    + " but gives " + run.effective().orElse(Map.of()) + versions);
            assertEquals(expected.raises().get(), run.raised().get().toString(), "what Python raises" + versions);
            return;
        }
        Map<String, Map<String, Object>> aliases = run.aliases();
        Map<String, Map<String, Object>> got = new TreeMap<>();
        aliases.forEach((alias, conn) -> {
            Map<String, Object> keys = new LinkedHashMap<>();
            Map<String, Object> want = expected.python().get(alias);
            for (String key : want == null ? KEYS : want.keySet()) {
                keys.put(key, normalize(conn.get(key)));
            }
            got.put(alias, keys);
        });
        Map<String, Map<String, Object>> want = new TreeMap<>(expected.python());
        assertEquals(want, got, () -> "Python's DATABASES after Django's defaults, in Python's notation:\nexpected "
                + repr(want) + "\n     got " + repr(got) + versions);
    }

    /** Dotted numeric versions, e.g. {@code 0.5.0} before {@code 1.1.0}. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? leadingNumber(x[i]) : 0;
            int q = i < y.length ? leadingNumber(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        String digits = part.replaceFirst("^(\\d*).*$", "$1");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    // ---- the connlint side ---------------------------------------------------------------------

    /** connlint's pools of the app must be Python's MySQL aliases, with Python's values. */
    private static void assertConnlintAgrees(Project project, Expected expected, PythonOracle.Run run) {
        Map<String, Map<String, Object>> aliases;
        Map<String, Object> written;
        if (expected.gap().isPresent()) {
            // The documented exception: the oracle's library is older than the behaviour connlint follows.
            aliases = expected.gap().get().current();
            written = Map.of();
        } else {
            aliases = run.aliases();
            written = run.databases().orElse(Map.of());
        }
        Deployment model = ProjectLoader.load(LintRequest.of(project.root())).model();
        Map<String, ClientPool> pools = new TreeMap<>();
        model.pools().stream().filter(p -> p.app().equals(project.app())).forEach(p -> pools.put(p.id(), p));
        String context = "\nconnlint's pools: " + pools.keySet() + "\nnotes: " + model.notes()
                + "\nproblems: " + model.problems();

        Map<String, Map<String, Object>> mysql = new TreeMap<>();
        aliases.forEach((alias, conn) -> {
            if (String.valueOf(conn.get("ENGINE")).contains("mysql")) {
                mysql.put(alias, conn);
            } else {
                assertTrue(model.notes().stream().anyMatch(n -> n.at().path().endsWith(".py")
                                && n.text().contains(alias)), "alias " + alias + " is " + conn.get("ENGINE")
                                + ": connlint should leave it out with a note at the settings naming it" + context);
            }
        });
        Map<String, String> poolIds = new TreeMap<>();
        mysql.keySet().forEach(alias -> poolIds.put(mysql.size() == 1 ? project.app() : project.app() + "/" + alias,
                alias));
        assertEquals(poolIds.keySet(), pools.keySet(), "one pool per MySQL alias of " + aliases.keySet() + context);

        for (Map.Entry<String, String> e : poolIds.entrySet()) {
            ClientPool pool = pools.get(e.getKey());
            String alias = e.getValue();
            assertEquals(PoolKind.DJANGO, pool.kind(), "pool " + e.getKey());
            Map<String, Object> want = fromPython(mysql.get(alias));
            Map<String, Object> got = fromConnlint(pool);
            assertEquals(want, got, () -> "alias " + alias + " (pool " + e.getKey() + "): Python (expected) against"
                    + " connlint, strings quoted:\nexpected " + repr(want) + "\n     got " + repr(got) + context);
            @SuppressWarnings("unchecked")
            Map<String, Object> asWritten = (Map<String, Object>) written.get(alias);
            if (asWritten != null) {
                for (String key : List.of(CONN_MAX_AGE, CONN_HEALTH_CHECKS)) {
                    // dj-database-url before 1.1.0 leaves CONN_HEALTH_CHECKS out where later releases write
                    // the keyword's default, False: which origin connlint gives it is not this oracle's to say.
                    boolean libraryDependent = key.equals(CONN_HEALTH_CHECKS) && project.uses("dj_database_url");
                    if (!asWritten.containsKey(key) && !libraryDependent) {
                        Setting<?> setting = pool.settings().get(key);
                        assertInstanceOf(Origin.EngineDefault.class, setting.origin(), "alias " + alias
                                + " does not set " + key + ": Django's default applies, with an engine-default origin"
                                + context);
                    }
                }
            }
        }
    }

    /** Python's values of one alias, in the form connlint's model gives them (see the class comment). */
    static Map<String, Object> fromPython(Map<String, Object> conn) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object host = conn.get("HOST");
        values.put("HOST", host == null ? null
                : host.toString().isEmpty() ? "localhost" : host.toString().toLowerCase(Locale.ROOT));
        values.put("PORT", port(conn.get("PORT")));
        values.put("NAME", blankIsNone(conn.get("NAME")));
        values.put("USER", blankIsNone(conn.get("USER")));
        Object maxAge = conn.get(CONN_MAX_AGE);
        if (maxAge != null && !(maxAge instanceof Number)) {
            throw new AssertionError(CONN_MAX_AGE + " is " + maxAge + " (" + maxAge.getClass().getSimpleName()
                    + "), not a number or None: Django would fail on it; the case should not compare it");
        }
        values.put(CONN_MAX_AGE, maxAge == null ? UNLIMITED : ((Number) maxAge).longValue());
        values.put(CONN_HEALTH_CHECKS, truth(conn.get(CONN_HEALTH_CHECKS)));
        return values;
    }

    static Map<String, Object> fromConnlint(ClientPool pool) {
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<Target> target = pool.target();
        Optional<HostPort> first = target.flatMap(t -> t.hosts().stream().findFirst());
        values.put("HOST", first.map(HostPort::host).orElse(null));
        values.put("PORT", first.flatMap(HostPort::port).orElse(null));
        values.put("NAME", target.flatMap(Target::database).orElse(null));
        values.put("USER", target.flatMap(Target::user).map(Setting::value).orElse(null));
        values.put(CONN_MAX_AGE, effective(pool, CONN_MAX_AGE));
        values.put(CONN_HEALTH_CHECKS, effective(pool, CONN_HEALTH_CHECKS));
        return values;
    }

    private static Object effective(ClientPool pool, String name) {
        Setting<?> setting = pool.settings().get(name);
        return setting == null ? null : setting.effective();
    }

    /** PORT as mysqlclient gets it: Django passes {@code int(PORT)} when PORT is not empty (mysql/base.py). */
    private static Integer port(Object port) {
        if (port == null || port.toString().isEmpty()) {
            return null;
        }
        return port instanceof Number n ? n.intValue() : Integer.valueOf(port.toString().trim());
    }

    private static Object blankIsNone(Object value) {
        return value == null || value.toString().isEmpty() ? null : value;
    }

    /** Python's truth of a JSON value: None, False, 0, "" and empty containers are false. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        throw new IllegalArgumentException("not a JSON value: " + value);
    }

    /** A value in Python's notation, so that the text "3306" and the number 3306 read differently. */
    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(repr(k)).append(": ")
                    .append(repr(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DjangoOracleTest::repr).toList().toString();
        }
        return value.toString();
    }

    /** Numbers as Long, maps and lists recursively, so YAML's Integer equals JSON's Long. */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new TreeMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), normalize(v)));
            return m;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DjangoOracleTest::normalize).toList();
        }
        return value;
    }

    // ---- projects and expectations -------------------------------------------------------------

    /**
     * A case as its connlint.yml declares its one app.
     *
     * @param module the settings module: the first config file as a dotted name from the root
     */
    record Project(Path root, String app, String module, Map<String, String> env) {

        @SuppressWarnings("unchecked")
        static Project read(Path root) {
            Map<String, Object> yml = load(root.resolve(LintRequest.CONFIG_FILE_NAME));
            Map<String, Object> apps = (Map<String, Object>) yml.get("apps");
            if (apps == null || apps.size() != 1 || !apps.containsKey(APP)) {
                throw new IllegalArgumentException(root + ": a case declares exactly one app, " + APP);
            }
            Map<String, Object> decl = (Map<String, Object>) apps.get(APP);
            String config = ((List<String>) decl.get("config")).get(0);
            if (!config.endsWith(".py")) {
                throw new IllegalArgumentException(root + ": the first config file is the settings module");
            }
            String module = config.substring(0, config.length() - ".py".length()).replace('/', '.');
            Map<String, String> env = new TreeMap<>();
            ((Map<String, Object>) decl.getOrDefault("env", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
            return new Project(root, APP, module, env);
        }

        /** True when a Python file of the project mentions {@code name}. */
        boolean uses(String name) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".py")).anyMatch(f -> {
                    try {
                        return Files.readString(f).contains(name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A documented exception: connlint follows {@code library} from {@code fixedIn} on, the oracle's is older.
     *
     * @param current what the current release gives, per alias, in expected.yml's form
     */
    record LibraryGap(String library, String fixedIn, Map<String, Map<String, Object>> current) {
    }

    /**
     * An expected.yml.
     *
     * @param python per alias, what Python's DATABASES holds after Django's defaults ({@link #KEYS},
     *               and OPTIONS when given); empty when {@code raises}
     * @param raises what importing the settings raises, as {@code Type: message}
     */
    record Expected(Map<String, Map<String, Object>> python, Optional<String> raises, Optional<LibraryGap> gap) {

        @SuppressWarnings("unchecked")
        static Expected read(Path file) {
            Map<String, Object> yml = load(file);
            for (String key : yml.keySet()) {
                if (!List.of("python", "raises", "libraryGap").contains(key)) {
                    throw new IllegalArgumentException(file + ": unknown key " + key);
                }
            }
            Optional<String> raises = Optional.ofNullable((String) yml.get("raises"));
            Map<String, Map<String, Object>> python = aliases(file, (Map<String, Object>) yml.get("python"));
            if (raises.isPresent() == !python.isEmpty()) {
                throw new IllegalArgumentException(file + ": give either python or raises");
            }
            Optional<LibraryGap> gap = Optional.ofNullable((Map<String, Object>) yml.get("libraryGap")).map(g ->
                    new LibraryGap((String) g.get("library"), String.valueOf(g.get("fixedIn")),
                            aliases(file, (Map<String, Object>) g.get("current"))));
            gap.ifPresent(g -> {
                if (g.library() == null || g.current().isEmpty()) {
                    throw new IllegalArgumentException(file + ": a libraryGap gives library, fixedIn and current");
                }
            });
            return new Expected(python, raises, gap);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Map<String, Object>> aliases(Path file, Map<String, Object> yml) {
            Map<String, Map<String, Object>> aliases = new TreeMap<>();
            if (yml == null) {
                return aliases;
            }
            yml.forEach((alias, v) -> {
                Map<String, Object> conn = new LinkedHashMap<>();
                ((Map<String, Object>) v).forEach((k, value) -> conn.put(k, normalize(value)));
                List<String> keys = new ArrayList<>(conn.keySet());
                keys.remove(OPTIONS);
                if (!keys.equals(KEYS)) {
                    throw new IllegalArgumentException(file + ": alias " + alias + " must give " + KEYS
                            + " in that order (and may give " + OPTIONS + "); gives " + conn.keySet());
                }
                aliases.put(alias, conn);
            });
            return aliases;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        try {
            String text = Files.readString(file);
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
