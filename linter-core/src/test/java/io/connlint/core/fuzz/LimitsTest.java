package io.connlint.core.fuzz;

import io.connlint.core.engine.LintRequest;
import io.connlint.core.engine.ProjectLoader;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;
import io.connlint.core.read.TextFile;
import io.connlint.core.read.mycnf.OptionFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md "Bad input": each limit gives a problem with file, line and column, and the project's
 * other files are still read. Projects are loaded as the CLI loads them (ProjectLoader).
 */
class LimitsTest {

    @TempDir
    Path project;

    private Deployment load() {
        return assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ProjectLoader.load(LintRequest.of(project)).model());
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String problems(Deployment model) {
        return model.problems().stream().map(p -> p.at() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    private static ReadProblem problemIn(Deployment model, String path) {
        List<ReadProblem> in = model.problems().stream().filter(p -> p.at().path().equals(path)).toList();
        assertEquals(1, in.size(), problems(model));
        return in.get(0);
    }

    /** The control in every test: a pool read from a healthy file. */
    private static void poolStillRead(Deployment model) {
        assertTrue(model.pools().stream().map(ClientPool::id).anyMatch(id -> id.equals("good")), problems(model));
    }

    private void goodPool() throws IOException {
        write("good/hikari.properties", "maximumPoolSize=10\n");
    }

    private void config(String extra, String... files) throws IOException {
        StringBuilder sb = new StringBuilder(extra);
        sb.append("apps:\n  good:\n    config: [good/hikari.properties]\n");
        for (int i = 0; i < files.length; i++) {
            sb.append("  app").append(i).append(":\n    config: [").append(files[i]).append("]\n");
        }
        write("connlint.yml", sb.toString());
    }

    @Test
    void fileSizeCapIsConfigurable() throws IOException {
        goodPool();
        write("big/application.properties", "x=" + "a".repeat(2000) + "\n");
        config("maxFileBytes: 1000\n", "big/application.properties");
        Deployment model = load();
        ReadProblem p = problemIn(model, "big/application.properties");
        assertEquals("big/application.properties:1:1", p.at().toString());
        assertTrue(p.message().contains("over the limit of 1000 bytes") && p.message().contains("maxFileBytes"),
                p.message());
        poolStillRead(model);

        config("maxFileBytes: 100000\n", "big/application.properties");
        assertEquals("", problems(load()));
    }

    @Test
    void defaultCapIsTenMegabytes() throws IOException {
        goodPool();
        byte[] big = new byte[(int) TextFile.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        write("big/hikari.properties", big);
        config("", "big/hikari.properties");
        Deployment model = load();
        assertTrue(problemIn(model, "big/hikari.properties").message().contains("over the limit of 10485760 bytes"));
        poolStillRead(model);
    }

    @Test
    void maxFileBytesMustBeAPositiveNumberWithinOneGigabyte() throws IOException {
        goodPool();
        config("maxFileBytes: lots\nfollowSymlinksOutside: maybe\n");
        String problems = problems(load());
        assertTrue(problems.contains("connlint.yml:1:15 maxFileBytes must be a whole number; found 'lots'"), problems);
        assertTrue(problems.contains("connlint.yml:2:24 followSymlinksOutside must be true or false; found 'maybe'"),
                problems);
        config("maxFileBytes: 2000000000\n");
        assertTrue(problems(load()).contains("maxFileBytes must be at most 1073741824"));
    }

    @Test
    void yamlAliasBombIsRefused() throws IOException {
        goodPool();
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }
        write("bomb/application.yml", bomb + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 5\n");
        config("", "bomb/application.yml");
        Deployment model = load();
        ReadProblem p = problemIn(model, "bomb/application.yml");
        assertTrue(p.message().contains("Number of aliases for non-scalar nodes exceeds the specified max=50"),
                p.message());
        poolStillRead(model);
    }

    @Test
    void yamlAliasBombUnderTheAliasCountIsRefused() throws IOException {
        goodPool();
        StringBuilder bomb = new StringBuilder("spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 5\n"
                + "a0: &a0 [x, x]\n");
        for (int i = 1; i <= 25; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        write("bomb/application.yml", bomb.toString());
        config("", "bomb/application.yml");
        Deployment model = load();
        ReadProblem p = problemIn(model, "bomb/application.yml");
        assertTrue(p.message().contains("aliases expand this document to more than 1000000 nodes"), p.message());
        poolStillRead(model);
    }

    @Test
    void yamlRecursiveAliasIsRefused() throws IOException {
        goodPool();
        write("rec/application.yml", "spring:\n  datasource: &a\n    hikari: [*a]\n");
        config("", "rec/application.yml");
        Deployment model = load();
        ReadProblem p = problemIn(model, "rec/application.yml");
        assertEquals("rec/application.yml:2:15 YAML: a recursive alias: the node anchored here contains an alias of itself",
                p.at() + " " + p.message());
        poolStillRead(model);
    }

    @Test
    void yamlNestingIsLimited() throws IOException {
        goodPool();
        write("deep/application.yml", "a: " + "[".repeat(100) + "]".repeat(100) + "\n");
        config("", "deep/application.yml");
        Deployment model = load();
        ReadProblem p = problemIn(model, "deep/application.yml");
        assertTrue(p.message().contains("Nesting Depth exceeded max 64"), p.message());
        assertEquals(1, p.at().line());
        poolStillRead(model);
    }

    @Test
    void yamlThatBreaksTheParserItselfIsAProblemWithItsPlace() throws IOException {
        // found by the fuzz suite: snakeyaml throws NumberFormatException on a backslash-u escape cut off by the end
        goodPool();
        write("cut/application.yml", "spring:\n  datasource:\n    hikari:\n      pool-name: \"ab\\u");
        config("", "cut/application.yml");
        Deployment model = load();
        ReadProblem p = problemIn(model, "cut/application.yml");
        assertEquals("cut/application.yml:4:23 YAML: malformed here (the parser failed with NumberFormatException)",
                p.at() + " " + p.message());
        poolStillRead(model);
    }

    @Test
    void yamlTypeTagsInstantiateNothing() throws IOException {
        goodPool();
        Path marker = project.resolve("marker");
        String payload = "x: !!io.connlint.core.fuzz.Marker [\"" + marker + "\"]\n"
                + "y: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"file://"
                + project + "/\"]]]]\n";
        write("tag/application.yml", payload + "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 5\n");
        write("tag/deploy.yaml", payload + "kind: Deployment\nmetadata: {name: tag}\nspec: {replicas: 2}\n");
        write("connlint.yml", "apps:\n  good:\n    config: [good/hikari.properties]\n  tag:\n"
                + "    config: [tag/application.yml]\n    deployment: tag/deploy.yaml\n");
        Deployment model = load();
        assertFalse(Files.exists(marker), "a YAML type tag constructed an object");
        poolStillRead(model);
        assertTrue(model.pools().stream().anyMatch(p -> p.app().equals("tag")), problems(model));

        // in connlint.yml itself: refused with its position; the project is then discovered and still read
        write("connlint.yml", payload + "apps:\n  good:\n    config: [good/hikari.properties]\n");
        model = load();
        assertFalse(Files.exists(marker), "a YAML type tag constructed an object");
        assertTrue(problems(model).contains("connlint.yml:1:4 YAML: Global tag is not allowed"), problems(model));
        poolStillRead(model);
    }

    @Test
    void includeDepthAndCyclesEnd() throws IOException {
        goodPool();
        write("db/my.cnf", "[mysqld]\nmax_connections=100\n!include my.cnf\n!includedir .\n");
        write("connlint.yml", "servers:\n  main:\n    optionFiles: [db/my.cnf]\napps:\n  good:\n"
                + "    config: [good/hikari.properties]\n");
        Deployment model = load();
        String problems = problems(model);
        assertTrue(problems.contains("db/my.cnf:1:1 stopped after reading " + 1000 + " option files"), problems);
        assertEquals(100L, model.servers().get(0).variables().get("max_connections").value());
        assertEquals(10, OptionFileReader.MAX_INCLUDE_DEPTH);
        poolStillRead(model);
    }

    @Test
    void pythonNestingIsLimited() throws IOException {
        goodPool();
        write("site/settings.py", "DATABASES = " + "[".repeat(5000) + "]".repeat(5000) + "\nX = 1\n");
        write("connlint.yml", "apps:\n  good:\n    config: [good/hikari.properties]\n  site:\n"
                + "    config: [site/settings.py]\n");
        Deployment model = load();
        ReadProblem p = problemIn(model, "site/settings.py");
        assertEquals(1, p.at().line(), p.toString());
        assertTrue(p.message().toLowerCase(java.util.Locale.ROOT).contains("nest"), p.message());
        poolStillRead(model);
    }

    @Test
    void binaryContentSaysTheByteOffset() throws IOException {
        goodPool();
        write("bin/hikari.properties", new byte[] {'a', '=', '1', '\n', 'b', 0, 'c'});
        config("", "bin/hikari.properties");
        Deployment model = load();
        ReadProblem p = problemIn(model, "bin/hikari.properties");
        assertEquals("bin/hikari.properties:2:2 binary content (a NUL byte at byte offset 5); expected a text "
                + "configuration file", p.at() + " " + p.message());
        poolStillRead(model);
    }

    @Test
    void invalidUtf8SaysTheByteOffset() throws IOException {
        goodPool();
        write("latin/application.properties", "a=1\nspring.datasource.url=jdbc:mysql://caf\u00e9/db\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        config("", "latin/application.properties");
        Deployment model = load();
        ReadProblem p = problemIn(model, "latin/application.properties");
        assertEquals("latin/application.properties:2:39 invalid UTF-8 at byte offset 42; expected UTF-8 text",
                p.at() + " " + p.message());
        poolStillRead(model);
    }

    @Test
    void utf16IsNamed() throws IOException {
        goodPool();
        write("wide/hikari.properties", "maximumPoolSize=3\n".getBytes(StandardCharsets.UTF_16));
        config("", "wide/hikari.properties");
        Deployment model = load();
        assertTrue(problemIn(model, "wide/hikari.properties").message().contains("UTF-16"));
        poolStillRead(model);
    }

    @Test
    void emptyFilesAreReadAsEmpty() throws IOException {
        goodPool();
        for (String f : List.of("e/my.cnf", "e/mysqld-auto.cnf", "e/hikari.properties", "e/application.yml",
                "e/settings.py", "e/gunicorn.conf.py", "e/deploy.yaml")) {
            write(f, "");
        }
        write("connlint.yml", "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [e/my.cnf]\n"
                + "    persisted: e/mysqld-auto.cnf\napps:\n  good:\n    config: [good/hikari.properties]\n"
                + "  h:\n    config: [e/hikari.properties]\n  s:\n    config: [e/application.yml]\n"
                + "  d:\n    config: [e/settings.py]\n    gunicorn: e/gunicorn.conf.py\n    deployment: e/deploy.yaml\n");
        Deployment model = load();
        for (ReadProblem p : model.problems()) {
            assertTrue(p.at().path().startsWith("e/"), p.toString());
            assertTrue(p.message().length() > 10, p.toString());
        }
        poolStillRead(model);
        assertTrue(model.pools().stream().anyMatch(p -> p.app().equals("h")), problems(model));
    }

    @Test
    void crlfAndBomsReadLikeLf() throws IOException {
        goodPool();
        String bom = "\uFEFF";
        write("w/hikari.properties", bom + "maximumPoolSize=7\r\nminimumIdle=2\r\n");
        write("w/application.yml", bom + "spring:\r\n  datasource:\r\n    hikari:\r\n      maximum-pool-size: 8\r\n");
        write("w/settings.py", bom + "DATABASES = {\r\n    'default': {'ENGINE': 'django.db.backends.mysql',"
                + " 'CONN_MAX_AGE': 9}\r\n}\r\n");
        write("w/my.cnf", "[mysqld]\r\nmax_connections = 77\r\n");
        write("connlint.yml", bom + "servers:\r\n  main:\r\n    optionFiles: [w/my.cnf]\r\napps:\r\n  good:\r\n"
                + "    config: [good/hikari.properties]\r\n  h:\r\n    config: [w/hikari.properties]\r\n"
                + "  s:\r\n    config: [w/application.yml]\r\n  d:\r\n    config: [w/settings.py]\r\n");
        Deployment model = load();
        assertEquals("", problems(model));
        assertEquals(77L, model.servers().get(0).variables().get("max_connections").value());
        assertEquals(7L, pool(model, "h").settings().get("maximumPoolSize").value());
        assertEquals(8L, pool(model, "s").settings().get("maximumPoolSize").value());
        assertTrue(model.pools().stream().anyMatch(p -> p.app().equals("d")), problems(model));
    }


    private static ClientPool pool(Deployment model, String app) {
        return model.pools().stream().filter(p -> p.app().equals(app)).findFirst().orElseThrow();
    }
}
