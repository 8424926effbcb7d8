package io.connlint.core.check;

import io.connlint.core.finding.Finding;
import io.connlint.core.finding.LintResult;
import io.connlint.core.finding.RuleInfo;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailOnTest {

    private static LintResult result(Severity... severities) {
        RuleInfo rule = new RuleInfo("CL998", "fail-on-test", "summary", Severity.ERROR, List.of());
        Deployment model = new Deployment("/p", List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false);
        List<Finding> findings = java.util.Arrays.stream(severities).map(s -> new Finding(rule, s, "m", Optional.empty(),
                List.of(), List.of(), Optional.empty(), "subject")).toList();
        return new LintResult(model, findings, List.of(rule));
    }

    @Test
    void theWordsUsersWriteInAnyCase() {
        assertEquals(List.of("error", "warning", "info", "never"), FailOn.words());
        assertEquals("error, warning, info or never", FailOn.choices());
        assertEquals(Optional.of(FailOn.WARNING), FailOn.parse("WARNING"));
        assertEquals(Optional.of(FailOn.NEVER), FailOn.parse(" never "));
        assertEquals(Optional.empty(), FailOn.parse("sometimes"));
        assertEquals(Optional.empty(), FailOn.parse(""));
    }

    @Test
    void aFindingAtOrAboveTheThresholdFails() {
        LintResult warnings = result(Severity.INFO, Severity.WARNING, Severity.WARNING);
        assertFalse(FailOn.ERROR.failedBy(warnings));
        assertTrue(FailOn.WARNING.failedBy(warnings));
        assertEquals(2, FailOn.WARNING.count(warnings));
        assertEquals(3, FailOn.INFO.count(warnings));
        assertFalse(FailOn.NEVER.failedBy(result(Severity.ERROR)));
        assertEquals(0, FailOn.NEVER.count(result(Severity.ERROR)));
        assertEquals(Optional.empty(), FailOn.NEVER.threshold());
        assertEquals(Optional.of(Severity.INFO), FailOn.INFO.threshold());
    }
}
