package io.connlint.rules.meta;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;

/** A file connlint cannot read or parse; what it would have contributed is missing from the budget. */
@LintRule(code = "CL900", name = "config-unreadable",
        summary = "A configuration file cannot be read or parsed",
        severity = Severity.ERROR)
public final class ConfigUnreadable implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ReadProblem problem : model.problems()) {
            if (problem.kind() == ReadProblem.Kind.UNREADABLE) {
                context.report(problem.message()).at(problem.at()).emit();
            }
        }
    }
}
