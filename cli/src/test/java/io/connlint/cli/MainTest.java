package io.connlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private static final Path REPO = Path.of(System.getProperty("connlint.repoRoot", ".."));
    private static final Path SHOP = REPO.resolve("examples/shop");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The console output of the shipped example is a reviewed artefact. */
    @Test
    void consoleOutputOfTheExampleMatchesItsSnapshot() throws IOException {
        Run r = run("check", SHOP.toString());
        assertEquals(1, r.exit(), r.err());
        Path snapshot = Path.of("src/test/resources/snapshots/shop-check.txt");
        if (Boolean.getBoolean("connlint.updateSnapshots")) {
            Files.writeString(snapshot, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(snapshot, StandardCharsets.UTF_8), r.out(),
                "regenerate with -Dconnlint.updateSnapshots=true and review the diff");
    }

    /** Django: CONN_MAX_AGE None against wait_timeout 120, and gunicorn's 4 workers × 8 threads per instance. */
    @Test
    void djangoProjectReportsPersistentConnectionsAndThreads() throws Exception {
        Path project = Path.of(MainTest.class.getResource("/projects/django-site").toURI());
        Run r = run("check", project.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("mysite/settings/production.py:5:61: error CL304 django-conn-max-age-exceeds-wait-timeout:"
                + " Django threads of web keep connections without limit (CONN_MAX_AGE = None), but server main"
                + " closes idle ones after wait_timeout 120 s (2 min)"), r.out());
        assertTrue(r.out().contains("mysite/settings/production.py:5:61: error CL601 django-persistent-connections-unbounded:"
                + " CONN_MAX_AGE = None: each of the 32 threads of every web instance keeps its connection forever"), r.out());
        assertTrue(r.out().contains("web: 2 instances × 4 processes × threads 8 = 64"), r.out());
        assertTrue(r.out().contains("total 68 > max_connections 50"), r.out());
    }

    @Test
    void exitCodesFollowTheThreshold() {
        assertEquals(1, run("check", SHOP.toString()).exit());
        assertEquals(1, run("check", SHOP.toString(), "--fail-on", "warning").exit());
        assertEquals(0, run("check", SHOP.toString(), "--fail-on", "never").exit());
        assertEquals(2, run("check", SHOP.toString(), "--fail-on", "sometimes").exit());
        assertEquals(2, run("check", SHOP.toString(), "--config", tmp.resolve("missing.yml").toString()).exit());
        assertEquals(2, run("check", "--no-such-option").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void aCleanProjectExitsZero() throws IOException {
        Files.createDirectories(tmp.resolve("db"));
        Files.writeString(tmp.resolve("db/my.cnf"), "[mysqld]\nmax_connections = 100\nwait_timeout = 600\ninteractive_timeout = 600\n");
        Files.writeString(tmp.resolve("hikari.properties"), "maximumPoolSize=10\nmaxLifetime=300000\n");
        Files.writeString(tmp.resolve("connlint.yml"), "servers:\n  main:\n    engine: mysql-8.0\n    optionFiles: [db/my.cnf]\n    reserved: 5\n"
                + "apps:\n  app:\n    config: [hikari.properties]\n    instances: 3\n");
        Run r = run("check", tmp.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals("connlint: 0 errors, 0 warnings, 0 info (1 server, 1 pool)\n", r.out());
    }

    @Test
    void sarifIsWrittenToTheOutputFile() throws IOException {
        Path sarif = tmp.resolve("out/connlint.sarif");
        Run r = run("check", SHOP.toString(), "--format", "sarif", "--output", sarif.toString());
        assertEquals(1, r.exit());
        String text = Files.readString(sarif);
        assertTrue(text.contains("\"version\" : \"2.1.0\""), text);
        assertTrue(text.contains("\"ruleId\" : \"CL101\""), text);
        assertTrue(text.contains("\"uri\" : \"orders/src/main/resources/hikari.properties\""), text);
        assertTrue(java.util.regex.Pattern.compile("\"partialFingerprints\"\\s*:\\s*\\{\\s*\"connlintFinding/v1\"\\s*:\\s*\"[0-9a-f]{32}\"")
                .matcher(text).find(), text);
        assertTrue(r.out().startsWith("connlint: 3 errors"), r.out());
    }

    @Test
    void githubAnnotationsStartTheirLines() {
        Run r = run("check", SHOP.toString(), "--format", "github");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("\n::error file=orders/src/main/resources/hikari.properties,line=4,col=1,"
                + "title=CL101 pool-budget-exceeded::the pools of orders, payments, catalog and storefront can open 344"
                + " connections"), r.out());
        assertTrue(r.out().contains("%0Aorders: 6 instances × 1 process × maximumPoolSize 40 = 240%0A"), r.out());
        assertTrue(r.out().startsWith("::notice file=connlint.yml,line=19,col=3,title=CL702 instances-not-declared::"),
                r.out());
    }

    @Test
    void showPrintsTheModelAsJson() {
        Run r = run("show", SHOP.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"id\" : \"primary\""), r.out());
        assertTrue(java.util.regex.Pattern.compile("\"max_connections\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*300,")
                .matcher(r.out()).find(), r.out());
    }

    @Test
    void explainAndRulesListTheCatalogue() {
        Run explain = run("explain", "CL101");
        assertEquals(0, explain.exit());
        assertTrue(explain.out().startsWith("<!-- generated"), explain.out());
        assertTrue(explain.out().contains("# CL101 pool-budget-exceeded"), explain.out());
        assertEquals(2, run("explain", "CL999").exit());
        Run rules = run("rules");
        assertTrue(rules.out().contains("CL303  error    pool-lifetime-exceeds-wait-timeout"), rules.out());
        assertTrue(run("--version").out().startsWith("connlint "));
        assertTrue(run("check", "--help").out().contains("--fail-on"));
    }
}
