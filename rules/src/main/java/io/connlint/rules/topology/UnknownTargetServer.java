package io.connlint.rules.topology;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.HostPort;
import io.connlint.core.model.Target;

import java.util.stream.Collectors;

/** A pool that matches no server is in no budget: its connections are counted nowhere. */
@LintRule(code = "CL701", name = "unknown-target-server",
        summary = "A pool's host matches no declared server, so it is in no budget",
        severity = Severity.WARNING)
public final class UnknownTargetServer implements Rule {

    /** Servers named in the message; a monorepo's thousand would bury it. */
    static final int SERVERS_NAMED = 5;

    @Override
    public void check(Deployment model, RuleContext context) {
        if (model.servers().size() < 2) {
            return; // with one server every pool belongs to it
        }
        String declared = model.servers().stream().limit(SERVERS_NAMED)
                .map(s -> s.id() + (s.hosts().isEmpty() ? "" : " " + s.hosts()))
                .collect(Collectors.joining(", "));
        if (model.servers().size() > SERVERS_NAMED) {
            declared += " and " + (model.servers().size() - SERVERS_NAMED) + " more";
        }
        for (ClientPool pool : model.pools()) {
            if (model.poolServer().containsKey(pool.id())) {
                continue;
            }
            String hosts = pool.target().map(t -> t.hosts().stream().map(HostPort::toString)
                    .collect(Collectors.joining(", "))).orElse("no URL");
            RuleContext.Report report = context.report("pool " + pool.id() + " (" + hosts + ") matches no server ("
                    + declared + "): its connections are in no budget");
            pool.target().map(Target::source).ifPresentOrElse(s -> report.at(s, pool.location()),
                    () -> report.at(pool.location()));
            report.help("add its host to the hosts of a server, or server: <id> under apps." + pool.app()
                    + " in connlint.yml").emit();
        }
    }
}
