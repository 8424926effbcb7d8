package io.connlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check that bypasses picocli gives what picocli gives, and leaves everything unusual to picocli. */
class DirectCheckTest {

    private static final Path SHOP = Path.of(System.getProperty("connlint.repoRoot", "..")).resolve("examples/shop");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(boolean picocli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = picocli ? Main.runWithPicocli(new PrintWriter(out), new PrintWriter(err), args)
                : Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void plainCheckCommandLinesGiveWhatPicocliGives() throws Exception {
        String shop = SHOP.toString();
        Path config = SHOP.resolve("connlint.yml");
        List<String[]> lines = new ArrayList<>(List.of(
                new String[] {"check", shop},
                new String[] {"check", shop, "-q"},
                new String[] {"check", "--quiet", shop, "--fail-on", "warning"},
                new String[] {"check", shop, "--fail-on=never", "--format", "json"},
                new String[] {"check", shop, "--format=sarif"},
                new String[] {"check", shop, "--format", "github", "--fail-on", "INFO"},
                new String[] {"check", "--config", config.toString(), shop},
                new String[] {"check", shop, "--config", tmp.resolve("missing.yml").toString()}));
        for (String[] args : lines) {
            assertTrue(DirectCheck.parse(args).isPresent(), String.join(" ", args));
            Run direct = run(false, args);
            Run picocli = run(true, args);
            assertEquals(picocli, direct, String.join(" ", args));
        }
        assertEquals(2, run(false, "check", shop, "--config", tmp.resolve("missing.yml").toString()).exit());
    }

    @Test
    void anOutputFileIsWrittenTheSameWay() throws Exception {
        Path a = tmp.resolve("a/report.sarif");
        Path b = tmp.resolve("b/report.sarif");
        Run direct = run(false, "check", SHOP.toString(), "--format", "sarif", "--output", a.toString());
        Run picocli = run(true, "check", SHOP.toString(), "--format", "sarif", "--output", b.toString());
        assertEquals(picocli, direct);
        assertEquals(Files.readString(b), Files.readString(a));
        assertTrue(Files.readString(a).contains("\"ruleId\""));
    }

    @Test
    void aBaselineIsAppliedTheSameWay() throws Exception {
        Path baseline = tmp.resolve("connlint-baseline.json");
        assertEquals(0, run(true, "baseline", SHOP.toString(), "--output", baseline.toString()).exit());
        for (String[] args : List.of(
                new String[] {"check", SHOP.toString(), "--baseline", baseline.toString()},
                new String[] {"check", SHOP.toString(), "--baseline=" + baseline, "--format", "json"},
                new String[] {"check", SHOP.toString(), "--baseline", tmp.resolve("missing.json").toString()})) {
            assertTrue(DirectCheck.parse(args).isPresent(), String.join(" ", args));
            assertEquals(run(true, args), run(false, args), String.join(" ", args));
        }
        assertEquals(0, run(false, "check", SHOP.toString(), "--baseline", baseline.toString()).exit());
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        String shop = SHOP.toString();
        for (String[] args : List.of(
                new String[] {},
                new String[] {"show", shop},
                new String[] {"check", "--help"},
                new String[] {"check", "-h"},
                new String[] {"check", shop, shop},
                new String[] {"check", shop, "-q", "-q"},
                new String[] {"check", shop, "--format", "json", "--format", "sarif"},
                new String[] {"check", shop, "--format", "JSON"},
                new String[] {"check", shop, "--format"},
                new String[] {"check", shop, "--format="},
                new String[] {"check", shop, "--fail-on", "sometimes"},
                new String[] {"check", shop, "--no-such-option", "x"},
                new String[] {"check", "--", shop},
                new String[] {"check", "@args.txt"},
                new String[] {"check", shop, "--quiet=true"},
                new String[] {"check", shop, "--baseline", "a.json", "--baseline", "b.json"})) {
            assertFalse(DirectCheck.parse(args).isPresent(), String.join(" ", args));
        }
        Run bad = run(false, "check", shop, "--fail-on", "sometimes");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--fail-on must be error, warning, info or never; found 'sometimes'"), bad.err());
    }
}
