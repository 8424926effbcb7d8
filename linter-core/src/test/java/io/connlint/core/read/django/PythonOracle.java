package io.connlint.core.read.django;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python with Debian's Django, dj-database-url and django-environ: the oracle of
 * connlint's static Django reader. It imports a settings module of one of our own test projects
 * (safe to run) the way Django does, and tells what {@code DATABASES} really is.
 *
 * <p>The packages install for {@code /usr/bin/python3} only, not for a pyenv {@code python3} that
 * may come first on PATH, so that binary is named. It runs with {@code -I} (no {@code PYTHON*}
 * variables, no user site-packages, no current directory on {@code sys.path}) and {@code -B} (no
 * {@code __pycache__} beside the case files), in an environment of exactly the variables given
 * plus PATH.
 */
final class PythonOracle {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String PACKAGES = "python3-django python3-dj-database-url python3-django-environ";
    private static final long TIMEOUT_SECONDS = 20;

    /**
     * Imports the settings module as Django's {@code Settings(module)} does ({@code importlib}
     * with the project root first on {@code sys.path}, so {@code from .base import *} resolves),
     * then lets Django's own {@code ConnectionHandler} check DATABASES and fill in the per-alias
     * defaults (django/db/utils.py {@code configure_settings}, {@code ensure_defaults}).
     * Django 4.1 added {@code conn.setdefault("CONN_HEALTH_CHECKS", False)} to ensure_defaults
     * (docs/releases/4.1.txt); the Debian 12 Django is 3.2, so the script adds that one line
     * itself on an older Django.
     *
     * <p>Python adds {@code LC_CTYPE=C.UTF-8} to its own environment when the locale is C (PEP 538
     * locale coercion); the script removes every variable it was not given, so the settings see
     * exactly the environment the case declares.
     */
    private static final String SCRIPT = """
            import copy, importlib.metadata, json, os, sys
            root, module, given = sys.argv[1], sys.argv[2], set(sys.argv[3:])
            for name in set(os.environ) - given - {"PATH"}:
                del os.environ[name]
            sys.path.insert(0, root)
            out = {"versions": {"python": sys.version.split()[0]}}
            for dist in ("Django", "dj-database-url", "django-environ"):
                try:
                    out["versions"][dist] = importlib.metadata.version(dist)
                except importlib.metadata.PackageNotFoundError:
                    out["versions"][dist] = None
            try:
                import django
                from django.conf import Settings
                from django.db.utils import ConnectionHandler
                databases = Settings(module).DATABASES
                out["DATABASES"] = copy.deepcopy(databases)
                handler = ConnectionHandler(databases)
                effective = {}
                for alias in handler.databases:
                    handler.ensure_defaults(alias)
                    conn = handler.databases[alias]
                    if django.VERSION < (4, 1):
                        conn.setdefault("CONN_HEALTH_CHECKS", False)
                    effective[alias] = conn
                out["effective"] = effective
            except Exception as e:
                out["raised"] = {"type": type(e).__name__, "message": str(e)}
            def unknown(o):
                return {"python": type(o).__name__, "repr": repr(o)}
            print(json.dumps(out, default=unknown))
            """;

    /** What importing the settings gave: DATABASES as written, after Django's defaults, or what was raised. */
    record Run(Map<String, String> versions, Optional<Map<String, Object>> databases,
               Optional<Map<String, Object>> effective, Optional<Raised> raised) {

        /** Django's DATABASES after its defaults; an AssertionError naming what Python raised instead. */
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> aliases() {
            if (raised.isPresent()) {
                throw new AssertionError("importing the settings raised " + raised.get());
            }
            Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
            effective.orElseThrow().forEach((alias, conn) -> aliases.put(alias, (Map<String, Object>) conn));
            return aliases;
        }
    }

    /** An exception the settings module (or Django checking it) raised. */
    record Raised(String type, String message) {
        @Override
        public String toString() {
            return type + ": " + message;
        }
    }

    private static volatile Optional<String> missing;

    private PythonOracle() {
    }

    /** The oracle; a skipped test when Python or the packages are missing, a failed one when CI=true. */
    static PythonOracle require() {
        Optional<String> why = missing();
        if (why.isPresent() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(why.get() + ", which CI=true requires; install them with: apt-get install -y "
                    + PACKAGES);
        }
        Assumptions.assumeTrue(why.isEmpty(), () -> "skipped: " + why.get() + " (apt-get install -y " + PACKAGES + ")");
        return new PythonOracle();
    }

    private static Optional<String> missing() {
        Optional<String> known = missing;
        if (known == null) {
            known = probe();
            missing = known;
        }
        return known;
    }

    private static Optional<String> probe() {
        if (!Files.isExecutable(PYTHON)) {
            return Optional.of(PYTHON + " is not there");
        }
        try {
            Output out = exec(List.of(PYTHON.toString(), "-I", "-B", "-c", "import django, dj_database_url, environ"),
                    Map.of(), Path.of("/"));
            return out.exitCode() == 0 ? Optional.empty()
                    : Optional.of(PYTHON + " cannot import django, dj_database_url and environ: "
                            + out.stderr().strip());
        } catch (IOException e) {
            return Optional.of(PYTHON + " does not run: " + e.getMessage());
        }
    }

    /**
     * Imports {@code module} (e.g. {@code mysite.settings.production}) of the project at {@code root}
     * with exactly {@code env} and PATH as its environment.
     */
    Run run(Path root, String module, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-I", "-B", "-c", SCRIPT,
                root.toAbsolutePath().toString(), module));
        command.addAll(new TreeMap<>(env).keySet());
        Output out = exec(command, env, root);
        if (out.exitCode() != 0) {
            throw new AssertionError(PYTHON + " exited with " + out.exitCode() + " on " + module + " of " + root
                    + ":\n" + out.stderr());
        }
        return parse(out.stdout());
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output exec(List<String> command, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        environment.clear();
        environment.putAll(env);
        environment.put("PATH", path);
        Path stdout = Files.createTempFile("python-oracle", ".out");
        Path stderr = Files.createTempFile("python-oracle", ".err");
        try {
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(PYTHON + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + PYTHON, e);
            }
            return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @SuppressWarnings("unchecked")
    static Run parse(String json) throws IOException {
        Map<String, Object> top;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            top = (Map<String, Object>) value(parser);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        ((Map<String, Object>) top.get("versions")).forEach((k, v) -> versions.put(k, (String) v));
        Optional<Raised> raised = Optional.ofNullable((Map<String, Object>) top.get("raised"))
                .map(r -> new Raised((String) r.get("type"), (String) r.get("message")));
        return new Run(versions, Optional.ofNullable((Map<String, Object>) top.get("DATABASES")),
                Optional.ofNullable((Map<String, Object>) top.get("effective")), raised);
    }

    /** The JSON value at the parser's current token: maps, lists, String, Long, Double, Boolean or null. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }
}
