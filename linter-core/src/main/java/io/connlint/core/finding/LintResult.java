package io.connlint.core.finding;

import io.connlint.core.model.Deployment;

import java.util.List;

/**
 * The outcome of one run: the model connlint reasoned about and what the rules found.
 *
 * @param model    the model
 * @param findings every finding, ordered by file, line, column and code
 * @param rules    the rules that ran
 */
public record LintResult(Deployment model, List<Finding> findings, List<RuleInfo> rules) {

    public LintResult {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when any finding is at or above {@code threshold}. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    }

    public long countAtLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().isAtLeast(threshold)).count();
    }
}
