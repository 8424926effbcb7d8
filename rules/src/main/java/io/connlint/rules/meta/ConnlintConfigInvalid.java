package io.connlint.rules.meta;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.ReadProblem;

/** connlint.yml says something connlint cannot use: the check would silently differ from the intent. */
@LintRule(code = "CL901", name = "connlint-config-invalid",
        summary = "connlint.yml has an unknown key, a wrong type, or names a file that does not exist",
        severity = Severity.ERROR)
public final class ConnlintConfigInvalid implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (ReadProblem problem : model.problems()) {
            if (problem.kind() == ReadProblem.Kind.CONFIG_INVALID) {
                context.report(problem.message()).at(problem.at()).emit();
            }
        }
    }
}
