package io.connlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.connlint.core.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md "Bad input" through the command line: the real-world corpus and hostile projects give
 * exit 0 or 1, findings instead of stack traces, a valid SARIF document; a broken file of any kind
 * never hides another file's finding; nothing in the configuration is executed.
 */
class RobustnessTest {

    /** A Java stack trace or an exception's class name in the output. */
    static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\([^)]*\\)\\s*$|(?m)^\\S*(java|javax|io|org|com)\\.[\\w$.]+(Exception|Error)\\b");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void noCrash(Run r) {
        assertTrue(r.exit() == 0 || r.exit() == 1, "exit " + r.exit() + "\n" + r.all());
        assertFalse(STACK_TRACE.matcher(r.all()).find(),
                "a stack trace or exception in the output:\n" + r.all());
    }

    // ---- the corpus sweep ---------------------------------------------------------------------

    @Test
    void corpusSweepInDiscoveryModeGivesValidSarif() throws IOException {
        Path corpus = Corpus.realworld(".").normalize();
        assertFalse(Files.exists(corpus.resolve("connlint.yml")), "the sweep is of discovery mode");
        Path sarif = tmp.resolve("corpus.sarif");
        Run r = run("check", corpus.toString(), "--format", "sarif", "--output", sarif.toString());
        noCrash(r);
        Map<String, Object> doc = object(parse(Files.readString(sarif, StandardCharsets.UTF_8)));
        assertEquals("2.1.0", doc.get("version"));
        assertTrue(String.valueOf(doc.get("$schema")).contains("sarif"), String.valueOf(doc.get("$schema")));
        List<Object> runs = list(doc.get("runs"));
        assertEquals(1, runs.size());
        Map<String, Object> driver = object(object(object(runs.get(0)).get("tool")).get("driver"));
        assertEquals("connlint", driver.get("name"));
        List<String> ruleIds = new ArrayList<>();
        for (Object rule : list(driver.get("rules"))) {
            ruleIds.add((String) object(rule).get("id"));
        }
        assertTrue(ruleIds.contains("CL900"), ruleIds.toString());
        List<Object> results = list(object(runs.get(0)).get("results"));
        assertFalse(results.isEmpty(), "the corpus has findings");
        for (Object o : results) {
            Map<String, Object> result = object(o);
            assertTrue(ruleIds.contains((String) result.get("ruleId")), result.toString());
            assertTrue(List.of("error", "warning", "note", "none").contains(result.get("level")), result.toString());
            assertFalse(String.valueOf(object(result.get("message")).get("text")).isBlank(), result.toString());
            for (Object l : list(result.get("locations"))) {
                Map<String, Object> physical = object(object(l).get("physicalLocation"));
                String uri = (String) object(physical.get("artifactLocation")).get("uri");
                assertFalse(uri.startsWith("/") || uri.contains(".."), "repo-relative URI: " + uri);
                assertTrue(Files.exists(corpus.resolve(uri)), uri);
                Map<String, Object> region = object(physical.get("region"));
                assertTrue(((Number) region.get("startLine")).intValue() >= 1, region.toString());
            }
        }
        noCrash(run("check", corpus.toString(), "--format", "json"));
        noCrash(run("check", corpus.toString()));
        noCrash(run("show", corpus.toString(), "--format", "json"));
    }

    @Test
    void oddFileNamesGiveValidSarifUris() throws IOException {
        Path p = projectWithAFinding();
        List<String> names = List.of("odd dir/my #1.cnf", "caf\u00e9/hikari-%20.properties", "x/a:b?c.cnf");
        for (String name : names) {
            write(p, name, garbage(name));
        }
        Path sarif = tmp.resolve("odd.sarif");
        noCrash(run("check", p.toString(), "--format", "sarif", "--output", sarif.toString()));
        List<String> paths = new ArrayList<>();
        for (Object o : list(object(list(object(parse(Files.readString(sarif))).get("runs")).get(0)).get("results"))) {
            for (Object l : list(object(o).get("locations"))) {
                String uri = (String) object(object(object(l).get("physicalLocation")).get("artifactLocation")).get("uri");
                java.net.URI parsed = java.net.URI.create(uri);
                assertEquals(null, parsed.getScheme(), uri);
                paths.add(parsed.getPath());
            }
        }
        for (String name : names) {
            assertTrue(paths.contains(name), name + " in " + paths);
        }
    }

    // ---- one broken file never hides another --------------------------------------------------

    /** A server of 20 connections and a pool of 50: CL101 at the pool's line, whatever else is broken. */
    private Path projectWithAFinding() throws IOException {
        Path p = Files.createDirectories(tmp.resolve("p"));
        write(p, "db/my.cnf", "[mysqld]\nmax_connections = 20\n");
        write(p, "orders/hikari.properties", "jdbcUrl=jdbc:mysql://db:3306/orders\nmaximumPoolSize=50\n");
        return p;
    }

    private static final String FINDING = "orders/hikari.properties:2:";

    private static void write(Path root, String name, String text) throws IOException {
        write(root, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path root, String name, byte[] bytes) throws IOException {
        Path f = root.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }

    /** Broken contents of every kind connlint reads, with the connlint.yml lines that name them. */
    private static final Map<String, String> BROKEN = new LinkedHashMap<>();

    static {
        BROKEN.put("broken/my.cnf", "servers:\n  other:\n    optionFiles: [broken/my.cnf]\n");
        BROKEN.put("broken/mysqld-auto.cnf", "servers:\n  other:\n    engine: mysql-8.0\n    persisted: broken/mysqld-auto.cnf\n");
        BROKEN.put("broken/hikari.properties", "apps:\n  broken:\n    config: [broken/hikari.properties]\n");
        BROKEN.put("broken/application.yml", "apps:\n  broken:\n    config: [broken/application.yml]\n");
        BROKEN.put("broken/application.properties", "apps:\n  broken:\n    config: [broken/application.properties]\n");
        BROKEN.put("broken/settings.py", "apps:\n  broken:\n    config: [broken/settings.py]\n");
        BROKEN.put("broken/gunicorn.conf.py", "apps:\n  broken:\n    config: [orders/hikari.properties]\n"
                + "    gunicorn: broken/gunicorn.conf.py\n");
        BROKEN.put("broken/deploy.yaml", "apps:\n  broken:\n    config: [orders/hikari.properties]\n"
                + "    deployment: broken/deploy.yaml\n");
    }

    /** Bytes that are no valid file of any kind: invalid UTF-8 after a line of text. */
    private static byte[] garbage(String name) {
        byte[] head = ("# " + name + "\n[[[{{{ :\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(head, head.length + 3);
        out[head.length] = (byte) 0xff;
        out[head.length + 1] = (byte) 0xfe;
        out[head.length + 2] = '\n';
        return out;
    }

    @Test
    void aBrokenFileOfAnyKindNeverHidesAnotherFilesFinding() throws IOException {
        for (Map.Entry<String, String> broken : BROKEN.entrySet()) {
            Path p = projectWithAFinding();
            write(p, broken.getKey(), garbage(broken.getKey()));
            String yml = "servers:\n  main:\n    optionFiles: [db/my.cnf]\napps:\n  orders:\n"
                    + "    config: [orders/hikari.properties]\n    server: main\n";
            String extra = broken.getValue();
            if (extra.startsWith("servers:")) {
                yml = yml.replace("apps:\n", extra.substring("servers:\n".length()) + "apps:\n");
            } else {
                yml += extra.substring("apps:\n".length());
            }
            write(p, "connlint.yml", yml);
            Run r = run("check", p.toString(), "--fail-on", "never");
            noCrash(r);
            // unreadable: CL900; an option file mysqld refuses to start with: CL504
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(broken.getKey() + ":")
                    && (l.contains("CL900") || l.contains("CL504"))),
                    broken.getKey() + " is reported:\n" + r.out());
            assertTrue(r.out().contains(FINDING) && r.out().contains("CL101"),
                    "the finding is still reported next to " + broken.getKey() + ":\n" + r.out());
            deleteTree(p);
        }
    }

    @Test
    void brokenFilesNeverHideFindingsInDiscoveryMode() throws IOException {
        Path p = projectWithAFinding();
        for (String name : List.of("a/broken.cnf", "b/hikari-broken.properties", "c/application.yml",
                "d/application.properties", "e/mysite/settings.py", "f/gunicorn.conf.py")) {
            byte[] bytes = garbage(name);
            if (name.endsWith("settings.py")) {
                bytes = "DATABASES = {'default': ((((\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            }
            write(p, name, bytes);
        }
        Run r = run("check", p.toString(), "--fail-on", "never");
        noCrash(r);
        for (String name : List.of("a/broken.cnf", "b/hikari-broken.properties", "c/application.yml",
                "d/application.properties", "e/mysite/settings.py")) {
            assertTrue(r.out().contains(name + ":"), name + " is reported:\n" + r.out());
        }
        assertTrue(r.out().contains(FINDING) && r.out().contains("CL101"), r.out());
    }

    @Test
    void anUnreadableConnlintYmlStillChecksTheProject() throws IOException {
        Path p = projectWithAFinding();
        write(p, "connlint.yml", "servers: [\n  - : :\n");
        Run r = run("check", p.toString(), "--fail-on", "never");
        noCrash(r);
        assertTrue(r.out().contains("connlint.yml:") && r.out().contains("CL901"), r.out());
        assertTrue(r.out().contains(FINDING) && r.out().contains("CL101"), r.out());
    }

    // ---- nothing is executed ------------------------------------------------------------------

    @Test
    void codeExecutionPayloadsDoNothing() throws IOException {
        Path p = projectWithAFinding();
        Path marker = tmp.resolve("pwned");
        String touch = "touch " + marker;
        write(p, "web/settings.py", "import os, subprocess\n__import__('os').system('" + touch + "')\n"
                + "os.system('" + touch + "')\nsubprocess.call(['touch', '" + marker + "'])\n"
                + "exec(\"open('" + marker + "', 'w')\")\neval(\"__import__('os').system('" + touch + "')\")\n"
                + "open('" + marker + "', 'w').write('x')\n"
                + "DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql', 'HOST': 'db',"
                + " 'CONN_MAX_AGE': __import__('os').system('" + touch + "')}}\n");
        write(p, "web/gunicorn.conf.py", "import os\nworkers = os.system('" + touch + "')\n"
                + "def on_starting(server):\n    os.system('" + touch + "')\non_starting(None)\n");
        String yamlPayload = "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"file://" + tmp + "/\"]]]]\ny: !!java.io.FileOutputStream [\"" + marker + "\"]\n"
                + "z: !!python/object/apply:os.system [\"" + touch + "\"]\n";
        write(p, "api/application.yml", yamlPayload + "spring:\n  datasource:\n    url: jdbc:mysql://db/api\n");
        write(p, "k8s/web.yaml", yamlPayload + "kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n");
        write(p, "connlint.yml", "servers:\n  main:\n    optionFiles: [db/my.cnf]\napps:\n  orders:\n"
                + "    config: [orders/hikari.properties]\n  web:\n    config: [web/settings.py]\n"
                + "    gunicorn: web/gunicorn.conf.py\n    deployment: k8s/web.yaml\n  api:\n"
                + "    config: [api/application.yml]\n");
        Run r = run("check", p.toString(), "--fail-on", "never");
        noCrash(r);
        assertFalse(Files.exists(marker), "configuration was executed:\n" + r.out());
        assertTrue(r.out().contains(FINDING), r.out());

        // the same payloads found by discovery
        Files.delete(p.resolve("connlint.yml"));
        Files.move(p.resolve("api/application.yml"), p.resolve("api/application-prod.yml"));
        r = run("check", p.toString(), "--fail-on", "never");
        noCrash(r);
        assertFalse(Files.exists(marker), "configuration was executed:\n" + r.out());
    }

    // ---- JSON ---------------------------------------------------------------------------------

    private static Object parse(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            Object value = value(p, p.nextToken());
            assertEquals(null, p.nextToken(), "one JSON document");
            return value;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, next));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected JSON token " + t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        assertInstanceOf(Map.class, o, String.valueOf(o));
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertInstanceOf(List.class, o, String.valueOf(o));
        return (List<Object>) o;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
