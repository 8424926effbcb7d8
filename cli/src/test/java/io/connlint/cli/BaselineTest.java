package io.connlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.connlint.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code connlint baseline} and {@code check --baseline}: the round trip on a copy of the example. */
class BaselineTest {

    private static final Path SHOP = Path.of(System.getProperty("connlint.repoRoot", "..")).resolve("examples/shop");
    private static final String ORDERS = "orders/src/main/resources/hikari.properties";

    @TempDir
    Path tmp;

    Path shop;
    Path baseline;

    @BeforeEach
    void copyTheExample() throws IOException {
        shop = ReportFormatsTest.copy(SHOP, tmp.resolve("shop"));
        baseline = shop.resolve("connlint-baseline.json");
    }

    /** How many findings the project has, as the JSON report counts them. */
    private int findings() throws IOException {
        return new ObjectMapper().readTree(run("check", shop.toString(), "--format", "json").out()).path("findings").size();
    }

    @Test
    void baselineWritesEveryFindingKeyedByFingerprint() throws IOException {
        int n = findings();
        assertTrue(n > 5, "the example has findings of several rules");
        MainTest.Run r = run("baseline", shop.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("connlint: wrote " + n + " findings to " + baseline + "; check with --baseline " + baseline + "\n", r.out());

        JsonNode doc = new ObjectMapper().readTree(baseline.toFile());
        assertEquals(1, doc.path("formatVersion").asInt());
        assertEquals(n, doc.path("findings").size());
        JsonNode first = doc.path("findings").get(0);
        assertTrue(first.path("fingerprint").asText().matches("[0-9a-f]{32}"), first::toString);
        assertEquals("CL702", first.path("ruleId").asText());
        assertEquals("connlint.yml", first.path("path").asText());

        MainTest.Run check = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(0, check.exit(), check.out());
        assertEquals("connlint: 0 errors, 0 warnings, 0 info (1 server, 4 pools)\n"
                + "connlint: baseline " + baseline + ": " + n + " findings baselined, 0 gone\n", check.out());
    }

    /** The round trip: a moved line stays baselined; a fixed finding is reported as gone; a new one fails. */
    @Test
    void movedLinesStayBaselinedFixedOnesAreGoneNewOnesFail() throws IOException {
        int n = findings();
        assertEquals(0, run("baseline", shop.toString(), "--output", baseline.toString()).exit());
        Path orders = shop.resolve(ORDERS);

        // two lines above every setting of the orders pool: its findings move from line 4 to 6
        Files.writeString(orders, "# moved\n# down\n" + Files.readString(orders));
        String plain = run("check", shop.toString()).out();
        assertTrue(plain.contains(ORDERS + ":6:1: error CL101"), plain);
        MainTest.Run moved = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(0, moved.exit(), moved.out());
        assertTrue(moved.out().endsWith(": " + n + " findings baselined, 0 gone\n"), moved.out());

        // fix the budget: CL101 is gone, and the baseline says so
        Files.writeString(orders, Files.readString(orders).replace("maximumPoolSize=40", "maximumPoolSize=30"));
        MainTest.Run fixed = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(0, fixed.exit(), fixed.out());
        assertTrue(fixed.out().endsWith(": " + (n - 1) + " findings baselined, 1 gone (fixed; rewrite the baseline to drop it)\n"),
                fixed.out());
        assertFalse(run("check", shop.toString()).out().contains("CL101"), "the budget is fixed");

        // a new finding (a second server variable overridden in the same file) is reported and fails
        Path tuning = shop.resolve("db/conf.d/tuning.cnf");
        Files.writeString(tuning, Files.readString(tuning) + "wait_timeout = 60\n");
        MainTest.Run fresh = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(1, fresh.exit(), fresh.out());
        assertFalse(fresh.out().contains("CL702"), "baselined findings are not shown: " + fresh.out());
        assertTrue(fresh.out().contains("db/conf.d/tuning.cnf:"), fresh.out());
    }

    /** Machine-readable output stays parseable: the baseline's note goes to standard error. */
    @Test
    void withJsonOnStandardOutputTheNoteGoesToStandardError() throws IOException {
        int n = findings();
        assertEquals(0, run("baseline", shop.toString()).exit());
        MainTest.Run r = run("check", shop.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertEquals(0, r.exit());
        assertEquals(0, new ObjectMapper().readTree(r.out()).path("findings").size());
        assertEquals("connlint: baseline " + baseline + ": " + n + " findings baselined, 0 gone\n", r.err());
    }

    @Test
    void aMissingOrBrokenBaselineIsExitTwo() throws IOException {
        MainTest.Run missing = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(2, missing.exit());
        assertEquals("connlint: baseline " + baseline + " does not exist; create it with `connlint baseline` or"
                + " `mvn connlint:baseline`\n", missing.err());

        Files.writeString(baseline, "{\n  \"findings\": [\n    {\"fingerprint\": \"ab\",\n");
        MainTest.Run broken = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().startsWith("connlint: baseline " + baseline + ":4:"), broken.err());

        Files.writeString(baseline, "{\"tool\": \"connlint\"}");
        MainTest.Run notOne = run("check", shop.toString(), "--baseline", baseline.toString());
        assertEquals(2, notOne.exit());
        assertTrue(notOne.err().endsWith(": no findings array; is this a connlint baseline?\n"), notOne.err());

        assertEquals(2, run("baseline", shop.toString(), "--config", tmp.resolve("missing.yml").toString()).exit());
        assertEquals("{\"tool\": \"connlint\"}", Files.readString(baseline), "nothing written when connlint cannot run");

        Files.writeString(baseline, "{\"formatVersion\": 2, \"findings\": []}");
        assertTrue(run("check", shop.toString(), "--baseline", baseline.toString()).err()
                .contains("formatVersion 2 is not supported (expected 1)"));
    }

    /** connlint.yml's severity overrides and off decide what is shown and what --fail-on counts. */
    @Test
    void severityOverridesAndOffDecideTheExitCode() throws IOException {
        Path yml = shop.resolve("connlint.yml");
        Files.writeString(yml, Files.readString(yml) + "rules:\n  CL101: { severity: warning }\n  CL304: { severity: warning }\n"
                + "  CL601: { severity: info }\n  CL702: off\n");
        MainTest.Run r = run("check", shop.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(ORDERS + ":4:1: warning CL101 pool-budget-exceeded:"), r.out());
        assertTrue(r.out().contains(": info CL601 "), r.out());
        assertFalse(r.out().contains("CL702"), r.out());
        assertTrue(r.out().contains("connlint: 0 errors, "), r.out());
        assertEquals(1, run("check", shop.toString(), "--fail-on", "warning").exit());
        assertEquals(0, run("check", shop.toString(), "--fail-on", "never").exit());
    }

    /** A report file is replaced whole: no temporary file is left beside it. */
    @Test
    void reportFilesAreWrittenWholeAndNothingIsLeftBeside() throws IOException {
        Path out = tmp.resolve("reports/connlint.sarif");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "stale");
        assertEquals(1, run("check", shop.toString(), "--format", "sarif", "--output", out.toString()).exit());
        assertTrue(Files.readString(out).startsWith("{"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }

        // a report that cannot be written (its directory is a file) is exit code 2
        MainTest.Run blocked = run("check", shop.toString(), "--format", "sarif", "--output",
                shop.resolve("connlint.yml").resolve("connlint.sarif").toString());
        assertEquals(2, blocked.exit(), blocked.err());
        assertTrue(blocked.err().startsWith("connlint: "), blocked.err());
    }
}
