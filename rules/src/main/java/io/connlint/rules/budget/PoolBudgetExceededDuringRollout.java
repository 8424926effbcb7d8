package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;

/**
 * A rolling deploy starts new instances before it stops old ones (Kubernetes maxSurge, 25% by
 * default): for that while, the pools of old and new instances are open together.
 */
@LintRule(code = "CL102", name = "pool-budget-exceeded-during-rollout",
        summary = "The pools fit max_connections, but not while a rolling deploy runs extra instances",
        severity = Severity.ERROR)
public final class PoolBudgetExceededDuringRollout implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            var pools = model.poolsOf(server);
            if (new Budget(server, pools, Scenario.STEADY).exceeded()) {
                continue; // CL101's
            }
            Budget rollout = new Budget(server, pools, Scenario.ROLLOUT);
            if (rollout.exceeded()) {
                rollout.report(context);
            }
        }
    }
}
