package io.connlint.core.report;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registration list of output formats: what the CLI and the Maven goal offer. */
class ReportFormatsTest {

    private static final LintResult RESULT;

    static {
        RuleInfo rule = new RuleInfo("CL101", "pool-budget-exceeded", "summary", Severity.ERROR, List.of());
        Finding finding = new Finding(rule, Severity.ERROR, "too many", Optional.of(new SourceLocation("a.properties", 2, 1)),
                List.of(), List.of("3 × 100 = 300 > 214"), Optional.of("lower it"), "subject");
        Deployment model = new Deployment("/p", List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false);
        RESULT = new LintResult(model, List.of(finding), List.of(rule));
    }

    @Test
    void everyFormatHasItsOwnIdAndFile() {
        // messages list the formats in this order (the Maven goal's "formats takes ..." among them)
        assertEquals(List.of("console", "sarif", "json", "checkstyle", "github", "html"), ReportFormats.ids());
        assertEquals(ReportFormats.all().size(), new HashSet<>(ReportFormats.ids()).size());
        assertEquals(ReportFormats.all().size(),
                new HashSet<>(ReportFormats.all().stream().map(ReportFormat::fileName).toList()).size());
        for (ReportFormat f : ReportFormats.all()) {
            assertEquals(f.id().toLowerCase(java.util.Locale.ROOT), f.id());
            assertTrue(f.fileName().startsWith("connlint."), f.fileName());
        }
        assertEquals("connlint.checkstyle.xml", ReportFormats.get("checkstyle").fileName());
    }

    @Test
    void everyFormatRendersAResult() throws IOException {
        for (ReportFormat f : ReportFormats.all()) {
            StringBuilder out = new StringBuilder();
            f.reporter(ReportOptions.of("1.2.3")).write(RESULT, out);
            assertTrue(out.toString().endsWith("\n"), f.id());
            assertTrue(out.toString().contains("CL101") || out.toString().contains("pool-budget-exceeded"), f.id());
        }
    }

    @Test
    void theConsoleTakesQuietAndColour() throws IOException {
        ReportFormat console = ReportFormats.get(ReportFormats.CONSOLE);
        StringBuilder quiet = new StringBuilder();
        console.reporter(new ReportOptions("x", true, false)).write(RESULT, quiet);
        assertFalse(quiet.toString().contains("lower it"));
        StringBuilder coloured = new StringBuilder();
        console.reporter(new ReportOptions("x", false, true)).write(RESULT, coloured);
        assertTrue(coloured.toString().contains("\u001b["));
        assertTrue(coloured.toString().contains("help: lower it"));
    }

    @Test
    void idsAreMatchedExactly() {
        assertTrue(ReportFormats.find("sarif").isPresent());
        assertEquals(Optional.empty(), ReportFormats.find("SARIF"));
        assertEquals(Optional.empty(), ReportFormats.find("pdf"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormats.get("pdf"));
    }
}
