package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;

/**
 * Σ instances × processes × pool max + reserved must fit in the server's effective
 * max_connections, or the pools together can open more connections than the server accepts:
 * {@code ERROR 1040 (HY000): Too many connections}.
 */
@LintRule(code = "CL101", name = "pool-budget-exceeded",
        summary = "The pools that connect to a server can open more connections than its max_connections",
        severity = Severity.ERROR)
public final class PoolBudgetExceeded implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Budget budget = new Budget(server, model.poolsOf(server), Scenario.STEADY);
            if (budget.exceeded()) {
                budget.report(context);
            }
        }
    }
}
