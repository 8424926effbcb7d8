package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;

/**
 * The autoscaler adds instances exactly when load is highest; each brings its pools, and the
 * server's max_connections does not grow with them.
 */
@LintRule(code = "CL103", name = "pool-budget-exceeded-at-autoscale-max",
        summary = "The pools fit max_connections, but not at the autoscaling maximum",
        severity = Severity.ERROR)
public final class PoolBudgetExceededAtAutoscaleMax implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            var pools = model.poolsOf(server);
            if (new Budget(server, pools, Scenario.STEADY).exceeded()
                    || new Budget(server, pools, Scenario.ROLLOUT).exceeded()) {
                continue; // CL101's or CL102's
            }
            Budget max = new Budget(server, pools, Scenario.AUTOSCALED);
            if (max.exceeded()) {
                max.report(context);
            }
        }
    }
}
