package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;

/**
 * A budget that fits with little to spare: a few more instances, a bigger pool or one more
 * monitoring agent and it does not. MySQLTuner warns at 85 % connection usage, Cloud SQL at 80 %.
 */
@LintRule(code = "CL104", name = "pool-budget-headroom-low",
        summary = "The pools fit max_connections, with less headroom than headroomPercent leaves",
        severity = Severity.WARNING,
        options = @LintRule.Option(name = "headroomPercent", defaultValue = 85,
                description = "The share of max_connections, in percent, the pools and reserved may use"))
public final class PoolBudgetHeadroomLow implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        long percent = context.option("headroomPercent");
        for (DatabaseServer server : model.servers()) {
            Budget budget = new Budget(server, model.poolsOf(server), Scenario.STEADY);
            long total = budget.total();
            long limit = budget.limit();
            if (model.poolsOf(server).isEmpty() || total > limit || total * 100 <= limit * percent) {
                continue; // nothing to budget, CL101's, or enough headroom
            }
            var maxConnections = server.maxConnections();
            var report = context.report("the pools of server " + server.id() + " can open " + total + " of its "
                            + limit + " connections (" + (total * 100 / limit) + " %), above " + percent
                            + " %: little room is left for spikes, new instances and tools")
                    .at(maxConnections, server.location());
            model.poolsOf(server).forEach(p -> report.arithmetic(Budget.term(p, Scenario.STEADY)));
            report.arithmetic("reserved = " + server.reserved().effective())
                    .arithmetic("total " + total + " > " + percent + " % of max_connections " + limit + " = "
                            + (limit * percent / 100))
                    .help("raise max_connections to at least " + ((total * 100 + percent - 1) / percent)
                            + ", or lower the pools")
                    .emit();
        }
    }
}
