package io.connlint.rules.memory;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;

/** More connections than a quarter of the host's megabytes: the host cannot serve them all. */
@LintRule(code = "CL202", name = "max-connections-above-ram-rule-of-thumb",
        summary = "max_connections is above ramMb / 4",
        severity = Severity.WARNING)
public final class MaxConnectionsAboveRamRuleOfThumb implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            if (server.ramMb().isEmpty()) {
                continue;
            }
            Setting<Long> ram = server.ramMb().get();
            Setting<Long> maxConnections = server.maxConnections();
            long ceiling = ram.effective() / 4;
            if (maxConnections.effective() <= ceiling) {
                continue;
            }
            context.report("max_connections = " + maxConnections.effective() + " on server " + server.id()
                            + " is above ramMb / 4 = " + ram.effective() + " / 4 = " + ceiling
                            + ": the host cannot give that many connections their buffers and threads")
                    .at(maxConnections, server.location())
                    .related(ram, "ramMb = " + ram.effective())
                    .help("lower max_connections to at most " + ceiling + " (and the pools with it), or give the"
                            + " server more memory")
                    .emit();
        }
    }
}
