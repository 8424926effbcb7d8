package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.UnusedKey;

/**
 * "I changed my.cnf and nothing happened": the last setting of a variable wins, across groups,
 * included files and mysqld-auto.cnf, so an edit to an earlier one has no effect.
 */
@LintRule(code = "CL506", name = "setting-overridden",
        summary = "A server variable is set more than once and a later setting wins",
        severity = Severity.INFO)
public final class SettingOverridden implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (UnusedKey key : model.unusedKeys()) {
            if (key.kind() != UnusedKey.Kind.OVERRIDDEN) {
                continue;
            }
            context.report("'" + key.key() + "' here has no effect on server " + key.app()
                            + ": a later setting wins, at " + key.readsFrom())
                    .at(key.at())
                    .help("change the value where it wins, or remove this one")
                    .emit();
        }
    }
}
