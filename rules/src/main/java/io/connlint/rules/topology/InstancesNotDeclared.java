package io.connlint.rules.topology;

import io.connlint.core.rule.LintRule;
import io.connlint.core.rule.Rule;
import io.connlint.core.rule.RuleContext;
import io.connlint.core.finding.Severity;
import io.connlint.core.model.ClientPool;
import io.connlint.core.model.Deployment;
import io.connlint.core.model.Origin;
import io.connlint.core.model.SourceLocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The budget multiplies by instances; when nobody says how many run, 1 is a guess. */
@LintRule(code = "CL702", name = "instances-not-declared",
        summary = "An app's instance count is unknown and 1 is assumed",
        severity = Severity.INFO)
public final class InstancesNotDeclared implements Rule {

    @Override
    public void check(Deployment model, RuleContext context) {
        Map<String, ClientPool> firstPoolOfApp = new LinkedHashMap<>();
        for (ClientPool pool : model.pools()) {
            firstPoolOfApp.putIfAbsent(pool.app(), pool);
        }
        for (ClientPool pool : firstPoolOfApp.values()) {
            if (!(pool.instances().origin() instanceof Origin.Assumed assumed)) {
                continue;
            }
            Optional<SourceLocation> at = pool.declaredAt().or(pool::location);
            String how = model.discovered()
                    ? "add connlint.yml with apps: { " + pool.app() + ": { config: [" + pool.configFiles().get(0)
                            + "], instances: N } }"
                    : "add instances: N under apps." + pool.app() + " in connlint.yml";
            context.report("instances of " + pool.app() + " are not declared; the budget assumes "
                            + pool.instances().effective() + " (" + assumed.why() + ")")
                    .at(at)
                    .help(how)
                    .emit();
        }
    }
}
