package io.connlint.rules.server;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.OverriddenOption;
import io.connlint.core.model.Setting;

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
        for (DatabaseServer server : model.servers()) {
            for (OverriddenOption option : server.overridden()) {
                Setting<?> winner = option.winner();
                context.report("'" + option.option() + "' here has no effect on server " + server.id()
                                + ": a later setting wins, at " + winner.origin().describe() + " (" + winner.raw() + ")")
                        .at(option.at())
                        .help("change the value where it wins, or remove this one")
                        .emit();
            }
        }
    }
}
