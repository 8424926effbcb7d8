package io.connlint.rules.budget;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Origin;

/**
 * Monitoring agents, migrations, replicas, BI tools and cron jobs connect outside the pools; a
 * budget without them is too optimistic.
 */
@LintRule(code = "CL107", name = "reserved-connections-undeclared",
        summary = "A server declares no reserved connections for clients outside the pools",
        severity = Severity.INFO)
public final class ReservedConnectionsUndeclared implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            if (!(server.reserved().origin() instanceof Origin.Assumed) || model.poolsOf(server).isEmpty()) {
                continue;
            }
            context.report("server " + server.id() + " declares no reserved connections: monitoring, migrations,"
                            + " replicas, BI tools and cron jobs are not in its budget (0 assumed)")
                    .at(server.location())
                    .help("add reserved: N under servers." + server.id() + " in connlint.yml")
                    .emit();
        }
    }
}
