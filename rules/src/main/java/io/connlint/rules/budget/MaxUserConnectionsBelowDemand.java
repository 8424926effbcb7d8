package io.connlint.rules.budget;

import io.connlint.core.model.budget.Scenario;
import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.DatabaseServer;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Setting;
import io.connlint.core.model.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * max_user_connections caps the sessions of one account. Every instance of an app usually shares
 * one account, so its whole demand counts against the cap: past it, ERROR 1203.
 */
@LintRule(code = "CL105", name = "max-user-connections-below-demand",
        summary = "An account's pools can open more connections than max_user_connections allows",
        severity = Severity.ERROR)
public final class MaxUserConnectionsBelowDemand implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        for (DatabaseServer server : model.servers()) {
            Setting<Long> cap = server.variable(io.connlint.core.model.ServerVariable.MAX_USER_CONNECTIONS);
            if (cap.effective() <= 0) {
                continue;
            }
            Map<String, List<ClientPool>> byUser = new LinkedHashMap<>();
            for (ClientPool pool : model.poolsOf(server)) {
                pool.target().flatMap(Target::user).ifPresent(u -> byUser
                        .computeIfAbsent(u.value(), k -> new ArrayList<>()).add(pool));
            }
            for (Map.Entry<String, List<ClientPool>> e : byUser.entrySet()) {
                long demand = e.getValue().stream().mapToLong(ClientPool::demand).sum();
                if (demand <= cap.effective()) {
                    continue;
                }
                ClientPool first = e.getValue().get(0);
                Setting<String> user = first.target().flatMap(Target::user).orElseThrow();
                RuleContext.Report report = context.report("account '" + e.getKey() + "' can open " + demand
                                + " connections to server " + server.id() + ", but max_user_connections = "
                                + cap.effective() + ": the rest fail with ERROR 1203")
                        .at(user, first.location())
                        .related(cap, "max_user_connections = " + cap.effective());
                for (ClientPool pool : e.getValue()) {
                    report.arithmetic(Budget.term(pool, Scenario.STEADY));
                }
                report.help("give each app its own account, lower the pools, or raise max_user_connections to at least "
                        + demand).emit();
            }
        }
    }
}
