package io.connlint.core.check;

import io.connlint.core.engine.ConnlintException;
import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleMetadata;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {

    @LintRule(code = "CL998", name = "baseline-test-rule", summary = "A rule for this test", severity = Severity.ERROR)
    static final class TestRule implements Rule {
        @Override
        public void check(Deployment model, io.connlint.core.rule.RuleContext context) {
        }
    }

    /** A finding as RuleContext.Report builds one: its subject is what it is about and the setting's name. */
    private static Finding finding(String file, int line, String pool) {
        return new Finding(RuleMetadata.of(TestRule.class), Severity.ERROR, "pool " + pool + " at line " + line,
                Optional.of(new SourceLocation(file, line, 1)), List.of(), List.of(), Optional.empty(),
                "pool " + pool + "/maximumPoolSize");
    }

    private static LintResult result(Finding... findings) {
        Deployment model = new Deployment("/p", List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false);
        return new LintResult(model, List.of(findings), List.of(RuleMetadata.of(TestRule.class)));
    }

    private static Baseline roundTrip(Baseline b) throws IOException {
        StringBuilder json = new StringBuilder();
        b.write(json, "test");
        return Baseline.parse(new StringReader(json.toString()), "test.json");
    }

    @Test
    void writtenBaselinesReadBackAndMatchMovedLines() throws IOException {
        Baseline b = roundTrip(Baseline.of(result(finding("a.properties", 4, "orders"), finding("b.properties", 2, "billing"))));
        assertEquals(2, b.entries().size());
        assertEquals(new Baseline.Entry(finding("a.properties", 4, "orders").fingerprint(), "CL998", "a.properties", 4,
                "pool orders at line 4"), b.entries().get(0));

        Baseline.Applied applied = b.apply(result(finding("a.properties", 9, "orders"), finding("b.properties", 2, "billing")));
        assertEquals(List.of(), applied.result().findings());
        assertEquals(2, applied.baselined());
        assertEquals(List.of(), applied.gone());
    }

    /** Another file or another pool is another finding; an entry no finding uses is gone. */
    @Test
    void otherFilesAndPoolsAreNewAndUnusedEntriesAreGone() {
        Baseline b = Baseline.of(result(finding("a.properties", 4, "orders"), finding("b.properties", 2, "billing")));
        Finding moved = finding("c.properties", 4, "orders");
        Finding other = finding("a.properties", 4, "payments");
        Baseline.Applied applied = b.apply(result(moved, other, finding("b.properties", 7, "billing")));
        assertEquals(List.of(moved, other), applied.result().findings());
        assertEquals(1, applied.baselined());
        assertEquals(1, applied.gone().size());
        assertEquals("a.properties:4: CL998 pool orders at line 4", applied.gone().get(0).describe());
        assertEquals("connlint: baseline b.json: 1 finding baselined, 1 gone (fixed; rewrite the baseline to drop it)",
                applied.summary("b.json"));
    }

    /** A fingerprint listed twice accepts two findings with it; a third is new. */
    @Test
    void duplicateFingerprintsAreCounted() {
        Finding f = finding("a.properties", 4, "orders");
        Baseline b = Baseline.of(result(f, f));
        Baseline.Applied applied = b.apply(result(f, f, f));
        assertEquals(2, applied.baselined());
        assertEquals(1, applied.result().findings().size());
        Baseline.Applied fewer = b.apply(result(f));
        assertEquals(1, fewer.gone().size());
    }

    @Test
    void documentsThatAreNotBaselinesAreRefusedWithWhere() {
        ConnlintException e = assertThrows(ConnlintException.class,
                () -> Baseline.parse(new StringReader("{\"findings\": [{\"ruleId\": \"CL101\"}]}"), "x.json"));
        assertTrue(e.getMessage().startsWith("baseline x.json:1:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("a finding without a fingerprint"), e.getMessage());
        assertThrows(ConnlintException.class, () -> Baseline.parse(new StringReader("[]"), "x.json"));
        assertThrows(ConnlintException.class, () -> Baseline.parse(new StringReader("{\"findings\": 3}"), "x.json"));
    }
}
