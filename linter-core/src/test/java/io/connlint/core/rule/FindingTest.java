package io.connlint.core.rule;

import io.connlint.core.rule.RuleContext;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleMetadata;
import io.connlint.core.finding.Severity;
import io.connlint.core.finding.Finding;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FindingTest {

    @LintRule(code = "CL999", name = "test-rule", summary = "A rule for this test", severity = Severity.ERROR)
    static final class TestRule implements Rule {
        @Override
        public void check(io.connlint.core.model.Deployment model, RuleContext context) {
        }
    }

    private static Finding report(int line, String about) {
        List<Finding> out = new ArrayList<>();
        RuleContext context = new RuleContext(RuleMetadata.of(TestRule.class), Severity.ERROR, Map.of(), out::add);
        Setting<Long> setting = Setting.written("maximumPoolSize", 40L, "40", new SourceLocation("a.properties", line, 1));
        context.report("the pools can open " + (200 + line) + " connections").at(setting, java.util.Optional.empty())
                .about(about).emit();
        return out.get(0);
    }

    /** SARIF partialFingerprints: the same finding keeps its fingerprint when its line moves. */
    @Test
    void fingerprintsSurviveMovedLinesAndChangedNumbers() {
        assertEquals(report(4, "server main").fingerprint(), report(9, "server main").fingerprint());
        assertNotEquals(report(4, "server main").fingerprint(), report(4, "server replica").fingerprint());
        assertEquals(32, report(4, "x").fingerprint().length());
    }
}
